"""The EPUB as mdbook-epub 0.5.2 writes it, made valid EPUB 3 (run by
`cargo xtask epub`, see editions.rs): XHTML content documents named
`.xhtml` (epubcheck HTM-014a), and the `svg` property on every document
that holds an inline figure (OPF-014). Usage: epub_fix.py IN OUT"""
import re
import sys
import zipfile

src, dst = sys.argv[1], sys.argv[2]
zin = zipfile.ZipFile(src)
names = zin.namelist()
docs = {n for n in names if n.endswith(".html")}


def renamed(name):
    return name[:-5] + ".xhtml" if name in docs else name


def fix_links(text):
    def repl(m):
        path, hash_, frag = m.group(2).partition("#")
        if "://" in path or not path.endswith(".html"):
            return m.group(0)
        return m.group(1) + path[:-5] + ".xhtml" + hash_ + frag + m.group(3)

    return re.sub(r'((?:href|src)=")([^"]*)(")', repl, text)


svg = set()
out = {}
for name in names:
    data = zin.read(name)
    if name in docs or name.endswith((".opf", ".ncx", ".xhtml")):
        text = data.decode("utf-8")
        if name in docs and "<svg" in text:
            svg.add(renamed(name).split("/", 1)[-1])
        data = fix_links(text).encode("utf-8")
    out[renamed(name)] = data

for name, data in out.items():
    if name.endswith(".opf"):
        text = data.decode("utf-8")

        def add_svg(m):
            item = m.group(0)
            href = re.search(r'href="([^"]*)"', item).group(1)
            if href in svg and "properties=" not in item:
                return item.replace("<item ", '<item properties="svg" ', 1)
            return item

        out[name] = re.sub(r"<item [^>]*>", add_svg, text).encode("utf-8")

with zipfile.ZipFile(dst, "w") as zout:
    # The mimetype entry comes first, uncompressed (OCF).
    zout.writestr(zipfile.ZipInfo("mimetype"), out.pop("mimetype"), compress_type=zipfile.ZIP_STORED)
    for name, data in out.items():
        zout.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
print(f"{len(docs)} documents renamed to .xhtml, {len(svg)} marked as holding SVG")
