# build-aux/setup.sh — sourced by build-aux/run and build-aux/test.
#
# Installs the Debian 12 packages the build and the tests need (as root;
# otherwise prints the command to run), then configures and builds in
# _build/. Safe to call again: it only does what is missing.

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$top/_build"

build_packages=(
  gcc pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libgtk-4-bin libgtksourceview-5-dev libsqlite3-dev libcmark-dev libcairo2-dev libpango1.0-dev libgit2-dev
  libical-dev tzdata
  desktop-file-utils appstream
)
test_packages=(
  xvfb xauth dbus python3 sqlite3 valgrind libxml2-utils poppler-utils
  at-spi2-core python3-pyatspi
  git xdotool binutils
)
# libFuzzer comes with clang's runtime libraries.
fuzz_packages=(
  clang libclang-rt-14-dev
)

missing_packages () {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' \
      || printf '%s\n' "$p"
  done
}

ensure_packages () {
  local missing
  missing=$(missing_packages "$@" | tr '\n' ' ')
  [ -z "${missing// /}" ] && return 0

  if [ "$(id -u)" -ne 0 ]; then
    echo "Coachplan needs these Debian packages. Install them with:" >&2
    echo "  sudo apt-get install -y $missing" >&2
    exit 1
  fi

  echo "Installing: $missing" >&2
  # The package lists may be missing on a fresh machine; fetch them once.
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >&2; then
    apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >&2
  fi
}

# configure DIR [meson options...]
configure () {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$top" "$@" >&2
  elif [ $# -gt 0 ]; then
    meson configure "$dir" "$@" >&2
  fi
}
