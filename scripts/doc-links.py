#!/usr/bin/env python3
"""Checks the links of the project's Markdown files: every relative link
must name an existing file, and every #anchor a heading of its target
(GitHub's rule: lower case, punctuation dropped, spaces to hyphens) or an
explicit <a id="..."></a> in it.
Prints the broken links and exits non-zero when there is any."""
import glob, os, re, sys

repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.chdir(repo)
files = ['README.md'] + sorted(glob.glob('doc/*.md')) + sorted(glob.glob('*/README.md'))


def anchors(path):
    found, text = set(), open(path, encoding='utf-8').read()
    text = re.sub(r'```.*?```', '', text, flags=re.S)
    for m in re.finditer(r'^#{1,6} (.*)$', text, flags=re.M):
        a = re.sub(r'[^\w\- ]', '', m.group(1).strip().lower()).replace(' ', '-')
        n, base = 1, a
        while a in found:
            a, n = '%s-%d' % (base, n), n + 1
        found.add(a)
    # explicit anchors, as the layout rule asks of every feature
    found.update(re.findall(r'<a id="([^"]+)"></a>', text))
    return found


broken = links = 0
for f in files:
    text = re.sub(r'```.*?```', '', open(f, encoding='utf-8').read(), flags=re.S)
    for m in re.finditer(r'\]\(([^)\s]+)\)', text):
        target = m.group(1)
        if re.match(r'^[a-z]+:', target):
            continue
        links += 1
        path, _, frag = target.partition('#')
        dest = os.path.normpath(os.path.join(os.path.dirname(f), path)) if path else f
        if not os.path.exists(dest):
            print('%s: broken link %s (no file %s)' % (f, target, dest))
            broken += 1
        elif frag and dest.endswith('.md') and frag not in anchors(dest):
            print('%s: broken link %s (no heading #%s in %s)' % (f, target, frag, dest))
            broken += 1
print('jobreg: doc links: %d relative links in %d files, %d broken' % (links, len(files), broken))
sys.exit(1 if broken else 0)
