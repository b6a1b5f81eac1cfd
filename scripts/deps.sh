# shellcheck shell=bash
# Sourced by scripts/ejemplo and scripts/pruebas: makes sure this machine has
# what mpp needs, installing what is missing. Safe to run again.
#
# Go: a Go that go.mod accepts is used as it is (PATH, or /usr/local/go).
# Otherwise Debian's golang-go is installed and the exact version named by
# go.mod's go/toolchain line is fetched through the module proxy this machine
# is configured with (GOPROXY), the way the go command itself switches
# toolchains. Nothing is removed: a Go that mpp did not install is left alone.
set -euo pipefail

# Debian packages the build, the tests and the example need.
MPP_APT_PACKAGES=(ca-certificates gcc g++ pkg-config poppler-utils qpdf
	tesseract-ocr tesseract-ocr-spa libtesseract-dev libleptonica-dev
	fonts-liberation2 fonts-dejavu-core fontconfig groff bash-completion libtiff-tools imagemagick openssl python3 python3-yaml
	libreoffice-writer-nogui)

msg() { printf 'mpp: %s\n' "$*" >&2; }

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
		msg "hace falta ser root (o tener sudo) para: $*"; return 1; fi
}

apt_install_missing() {
	local missing=()
	for p in "$@"; do
		[ -n "$p" ] || continue
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	msg "instalando paquetes de Debian: ${missing[*]}"
	as_root apt-get update -qq
	# env, not a prefix assignment: sudo resets the environment.
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The Go version go.mod asks for: its toolchain line, else its go line.
mpp_go_wanted() {
	local top
	top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
	local v
	v=$(sed -nE 's/^toolchain go([0-9.]+).*/\1/p' "$top/go.mod")
	[ -n "$v" ] || v=$(sed -nE 's/^go ([0-9.]+).*/\1/p' "$top/go.mod")
	echo "$v"
}

version_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -1)" = "$2" ]; }

go_version() { go env GOVERSION 2>/dev/null | sed -E 's/^go//; s/[^0-9.].*//'; }

# go_ok: there is a go that builds this module: it is the version go.mod
# wants or newer, or it can switch to it by itself (Go 1.21 and later, unless
# GOTOOLCHAIN=local).
go_ok() {
	command -v go >/dev/null || return 1
	local v tc
	v=$(go_version) || return 1
	[ -n "$v" ] || return 1
	version_ge "$v" "$MPP_GO_WANTED" && return 0
	version_ge "$v" 1.21 || return 1
	tc=$(go env GOTOOLCHAIN 2>/dev/null)
	if [ "${tc%%+*}" = local ]; then
		msg "Go $v no alcanza la versión $MPP_GO_WANTED que pide go.mod, y GOTOOLCHAIN=local le impide traerla"
		msg "instale Go $MPP_GO_WANTED o ejecute con GOTOOLCHAIN=auto (o GOTOOLCHAIN=go$MPP_GO_WANTED)"
		exit 1
	fi
	return 0
}

# fetch_toolchain: with an older go (Debian 12 ships 1.19, which cannot
# switch toolchains), download the golang.org/toolchain module that Go 1.21+
# would fetch, through the configured GOPROXY and checked against the
# checksum database, and unpack it into mpp's own cache folder.
fetch_toolchain() {
	if [ "${GOTOOLCHAIN:-}" = local ]; then
		msg "Go $(go_version) no alcanza la versión $MPP_GO_WANTED que pide go.mod, y GOTOOLCHAIN=local le impide traerla"
		exit 1
	fi
	local arch mod dir scratch
	arch=$(go env GOARCH)
	mod="golang.org/toolchain@v0.0.1-go$MPP_GO_WANTED.linux-$arch"
	dir=$MPP_GO_HOME
	msg "trayendo Go $MPP_GO_WANTED ($mod) por el GOPROXY configurado"
	scratch=$(mktemp -d)
	(cd "$scratch" && GO111MODULE=on GOFLAGS=-mod=mod go mod download -x "$mod" >/dev/null 2>"$scratch/log") || {
		cat "$scratch/log" >&2; rm -rf "$scratch"; msg "no se pudo traer Go $MPP_GO_WANTED"; exit 1; }
	local src
	src="$(go env GOMODCACHE)/$mod"
	mkdir -p "$(dirname "$dir")"
	rm -rf "$dir.tmp" # only ever mpp's own partial copy
	cp -R "$src" "$dir.tmp"
	# Module zips carry no file modes.
	chmod -R u+w,a+rX "$dir.tmp"
	chmod a+x "$dir.tmp"/bin/* "$dir.tmp"/pkg/tool/*/*
	mv "$dir.tmp" "$dir"
	rm -rf "$scratch"
}

MPP_GO_WANTED=$(mpp_go_wanted)
MPP_GO_HOME=${MPP_GO_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/mpp/go$MPP_GO_WANTED}

if command -v apt-get >/dev/null; then
	apt_install_missing "${MPP_APT_PACKAGES[@]}"
fi
[ -x "$MPP_GO_HOME/bin/go" ] && export PATH="$MPP_GO_HOME/bin:$PATH"
command -v go >/dev/null || { [ -d /usr/local/go/bin ] && export PATH="/usr/local/go/bin:$PATH"; }
if ! go_ok; then
	command -v go >/dev/null || { command -v apt-get >/dev/null && apt_install_missing golang-go; }
	command -v go >/dev/null || { msg "no hay Go y no se pudo instalar (golang-go)"; exit 1; }
	fetch_toolchain
	export PATH="$MPP_GO_HOME/bin:$PATH"
fi
go_ok || { msg "no se pudo preparar Go $MPP_GO_WANTED"; exit 1; }

# The real BPMN clients the tests run against what mpp writes and reads
# (interop/bpmn): Node.js with npm, bpmn-moddle and bpmn-js from the
# configured npm registry at the versions package-lock.json pins, and
# Debian's Chromium for bpmn-js. A Node.js already installed is used as is.
if command -v apt-get >/dev/null; then
	command -v node >/dev/null && command -v npm >/dev/null || apt_install_missing nodejs npm
	[ -x /usr/bin/chromium ] || apt_install_missing chromium
fi
mpp_interop=$(cd "$(dirname "${BASH_SOURCE[0]}")/../interop/bpmn" && pwd)
if command -v npm >/dev/null && { [ ! -f "$mpp_interop/node_modules/.package-lock.json" ] ||
	[ "$mpp_interop/package-lock.json" -nt "$mpp_interop/node_modules/.package-lock.json" ]; }; then
	msg "instalando los clientes BPMN de las pruebas (npm ci en interop/bpmn)"
	(cd "$mpp_interop" && npm ci --no-audit --no-fund --silent >/dev/null) || { msg "npm ci falló en interop/bpmn"; exit 1; }
fi
