#!/usr/bin/env bash
# Makes the real-producer file corpus in $1 (default target/corpus): PDFs from Ghostscript,
# qpdf (object streams, linearised, owner-only and user-password encryption at every key
# length, cut copies), img2pdf and pdftocairo; photos from ImageMagick (CMYK, progressive,
# 16-bit, interlaced, dark, blurred). Nothing here is committed: the files are made again.
# Needs: gs, qpdf, img2pdf, pdftocairo, convert (scripts/setup.sh --test installs them).
set -euo pipefail
out=${1:-target/corpus}
rm -rf "$out" && mkdir -p "$out" && cd "$out"

# A page of text the way an office prints it: Ghostscript, two pages.
gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -o gs-2-trang.pdf -c \
  "/Helvetica findfont 28 scalefont setfont 72 720 moveto (GIAY KHAI SINH) show showpage 72 720 moveto (Trang 2) show showpage"
qpdf --object-streams=generate gs-2-trang.pdf qpdf-objstm.pdf
qpdf --linearize gs-2-trang.pdf qpdf-linear.pdf
qpdf --linearize --object-streams=generate gs-2-trang.pdf qpdf-linear-objstm.pdf
pdftocairo -pdf gs-2-trang.pdf pdftocairo.pdf
qpdf --empty khong-trang.pdf

# Encryption: an owner password only (opens without one) and a password to open, each key length.
qpdf --allow-weak-crypto --encrypt "" chu 40 -- gs-2-trang.pdf chu-40.pdf
qpdf --allow-weak-crypto --encrypt "" chu 128 --use-aes=n -- gs-2-trang.pdf chu-128-rc4.pdf
qpdf --encrypt "" chu 128 --use-aes=y -- gs-2-trang.pdf chu-128-aes.pdf
qpdf --encrypt "" chu 256 -- gs-2-trang.pdf chu-256.pdf
qpdf --encrypt "" chu 256 -- qpdf-linear-objstm.pdf chu-256-linear.pdf
qpdf --allow-weak-crypto --encrypt mo chu 40 -- gs-2-trang.pdf mo-40.pdf
qpdf --allow-weak-crypto --encrypt mo chu 128 --use-aes=n -- gs-2-trang.pdf mo-128-rc4.pdf
qpdf --encrypt mo chu 128 --use-aes=y -- gs-2-trang.pdf mo-128-aes.pdf
qpdf --encrypt mo chu 256 -- gs-2-trang.pdf mo-256.pdf

# Cut copies: half of a linearised file (its first page is whole), only the last lines missing,
# a file with object streams cut in the middle.
cut_to() { head -c "$2" "$1" > "$3"; }
size() { stat -c %s "$1"; }
cut_to qpdf-linear.pdf $(( $(size qpdf-linear.pdf) * 6 / 10 )) cut-linear.pdf
cut_to gs-2-trang.pdf $(( $(size gs-2-trang.pdf) - 20 )) cut-tail.pdf
cut_to qpdf-objstm.pdf $(( $(size qpdf-objstm.pdf) / 2 )) cut-objstm.pdf

# Photos of a page: ImageMagick with its own encoders.
convert -size 1600x1200 xc:white -fill black -pointsize 64 -annotate +100+300 'CAN CUOC CONG DAN' \
  -annotate +100+500 'So: 001099012345' -annotate +100+700 'Ho ten: NGUYEN VAN AN' trang.png
convert trang.png -quality 90 anh.jpg
convert trang.png -colorspace CMYK -quality 90 anh-cmyk.jpg
convert trang.png -interlace JPEG -quality 90 anh-progressive.jpg
convert trang.png -depth 16 anh-16bit.png
convert trang.png -interlace PNG anh-interlaced.png
convert trang.png -brightness-contrast -85x0 -quality 90 anh-toi.jpg
convert trang.png -blur 0x12 -quality 90 anh-mo.jpg
img2pdf anh.jpg -o img2pdf.pdf
cut_to anh.jpg $(( $(size anh.jpg) / 2 )) cut-anh.jpg
rm trang.png
ls
