# shellcheck shell=bash
# Sourced by scripts/ejemplo and scripts/pruebas: makes sure this machine has
# what mpp needs, installing what is missing. Safe to run again.
set -euo pipefail

MPP_GO_VERSION=1.26.8
# SHA-256 of golang.org/toolchain@v0.0.1-go1.26.8.linux-amd64 as the Go module
# proxy serves it (the same module the go command fetches with GOTOOLCHAIN).
MPP_GO_ZIP_SHA256=30c2b1bf7dcc88d3eb0a1364e47ddd9128edb3110a30e8a0ef61cd5856b31de7
# Debian packages the build, the tests and the example need (one per line in
# later stages: OCR, PDF read-back…). Empty entries are ignored.
MPP_APT_PACKAGES=(ca-certificates curl unzip gcc g++ poppler-utils qpdf
	tesseract-ocr tesseract-ocr-spa libtesseract-dev libleptonica-dev fonts-liberation2)

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
	DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

go_ok() {
	command -v go >/dev/null || return 1
	local v
	v=$(go env GOVERSION 2>/dev/null | sed 's/^go//') || return 1
	# Any Go from 1.21 on fetches the toolchain go.mod asks for by itself.
	[ "$(printf '%s\n1.21\n' "$v" | sort -V | head -1)" = "1.21" ]
}

install_go() {
	local dest=${MPP_GO_DEST:-/usr/local/go} zip
	msg "instalando Go $MPP_GO_VERSION desde el proxy de módulos de Go"
	zip=$(mktemp)
	curl -fsSL -o "$zip" "https://proxy.golang.org/golang.org/toolchain/@v/v0.0.1-go${MPP_GO_VERSION}.linux-amd64.zip"
	echo "$MPP_GO_ZIP_SHA256  $zip" | sha256sum -c --quiet - || { msg "la suma SHA-256 de Go no coincide"; rm -f "$zip"; return 1; }
	local tmp
	tmp=$(mktemp -d)
	unzip -q "$zip" -d "$tmp"
	as_root rm -rf "$dest"
	as_root mkdir -p "$(dirname "$dest")"
	as_root mv "$tmp/golang.org/toolchain@v0.0.1-go${MPP_GO_VERSION}.linux-amd64" "$dest"
	# Module zips carry no file modes.
	as_root chmod -R a+rX "$dest"
	as_root chmod a+x "$dest"/bin/* "$dest"/pkg/tool/*/*
	rm -rf "$zip" "$tmp"
}

[ -d /usr/local/go/bin ] && export PATH="/usr/local/go/bin:$PATH"
if command -v apt-get >/dev/null; then
	apt_install_missing "${MPP_APT_PACKAGES[@]}"
fi
if ! go_ok; then
	install_go
	export PATH="/usr/local/go/bin:$PATH"
fi
go_ok || { msg "no se pudo preparar Go $MPP_GO_VERSION"; exit 1; }
