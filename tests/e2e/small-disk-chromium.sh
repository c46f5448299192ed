#!/bin/sh
# Debian's Chromium with its profile on a disk of its own, HOSO_DISK_MB megabytes (a tmpfs mounted
# in a private user and mount namespace: no root needed, nothing outside the browser sees it), for
# the "storage full" test: the device really runs out of room, as a full phone does.
dir=""
for a in "$@"; do
  case "$a" in --user-data-dir=*) dir="${a#--user-data-dir=}" ;; esac
done
[ -n "$dir" ] || { echo "small-disk-chromium: no --user-data-dir" >&2; exit 2; }
exec unshare --user --map-root-user --mount sh -c \
  'mount -t tmpfs -o "size=${HOSO_DISK_MB:-24}m" tmpfs "$0" && exec "${HOSO_CHROMIUM:-/usr/bin/chromium}" "$@"' "$dir" "$@"
