#!/usr/bin/python3
"""Lays out a Kamerstuk in KOOP's XML (officiele-publicatie/kamerstuk) --
the reconstructed flagship kst-33279-36.xml, and the motion fixtures of the
pdf-text tests -- as a KOOP Kamerstuk in an OpenDocument text (Flat ODT)
for LibreOffice to print.

The page follows the real KOOP PDFs (tests/data/corpus/pdf/kst-32545-143.pdf):
a 197 x 272 mm page; "Tweede Kamer der Staten-Generaal" with the chamber
number "2" at the right; "Vergaderjaar"; the dossier and "Nr." lines with
their numbers in the left margin column and their titles in the text
column; the text column 5.85 cm in; footnotes as real ODF footnotes
(text:note), which LibreOffice sets at the foot of the page with a
superscript marker in the text; the colophon (id, ISSN, place and year)
and the running foot at the bottom of page 1, and a running head with the
page number on the following pages.

Usage: render-pdf.py <kamerstuk.xml> <out.fodt> [--label TEXT]
(--label replaces the "reconstructed" note put in the PDF's Subject.)
Only the Python standard library is used.
"""
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

TEXT_COLUMN = "5.85cm"


def text_of(el):
    """All text inside el, footnotes left out, whitespace collapsed."""
    parts = []

    def walk(e):
        if e.tag == "noot":
            return
        if e.text:
            parts.append(e.text)
        for c in e:
            walk(c)
            if c.tail:
                parts.append(c.tail)

    walk(el)
    return " ".join("".join(parts).split())


class Writer:
    def __init__(self):
        self.body = []

    def inline(self, el):
        """ODF inline content of an element: text, emphasis and footnotes."""
        out = []

        def walk(e, top=False):
            if not top:
                if e.tag == "noot":
                    label = text_of(e.find("noot.nr"))
                    paras = [text_of(a) for a in e.findall("noot.al")]
                    body = "".join('<text:p text:style-name="Footnote">%s</text:p>' % escape(p) for p in paras)
                    out.append('<text:note text:note-class="footnote"><text:note-citation text:label="%s">%s'
                               '</text:note-citation><text:note-body>%s</text:note-body></text:note>'
                               % (escape(label), escape(label), body))
                    return
                style = {"cur": "Italic", "vet": "Bold"}.get(e.get("type", ""), None) if e.tag == "nadruk" else None
                if style:
                    out.append('<text:span text:style-name="%s">' % style)
            if e.text:
                out.append(escape(e.text))
            for c in e:
                walk(c)
                if c.tail:
                    out.append(escape(c.tail))
            if not top and e.tag == "nadruk" and style:
                out.append("</text:span>")

        walk(el, top=True)
        # collapse the XML's layout whitespace the way a typesetter does
        joined = "".join(out)
        return " ".join(joined.split()).replace("> <text:note", "> <text:note")

    def p(self, style, content):
        self.body.append('<text:p text:style-name="%s">%s</text:p>' % (style, content))

    def lijst(self, el):
        for li in el.findall("li"):
            label = text_of(li.find("li.nr")) if li.find("li.nr") is not None else "\u2013"
            als = li.findall("al")
            first = True
            for al in als:
                if first:
                    self.p("ListItem", "%s<text:tab/>%s" % (escape(label), self.inline(al)))
                    first = False
                else:
                    self.p("ListItemMore", self.inline(al))

    def block(self, el):
        for c in el:
            if c.tag == "al":
                self.p("Body", self.inline(c))
            elif c.tag == "divisie":
                kop = c.find("kop")
                if kop is not None:
                    nr = kop.find("nr")
                    title = self.inline(kop.find("titel"))
                    if nr is not None:
                        self.p("HeadingNumbered", "%s<text:tab/>%s" % (escape(text_of(nr)), title))
                    else:
                        self.p("Heading", title)
                self.block(c)
            elif c.tag == "lijst":
                self.lijst(c)
            elif c.tag == "al-groep":
                if all(x.tag == "al" for x in c):
                    # a group of lines set together, as the names under a motion
                    for x in c:
                        self.p("GroupLine", self.inline(x))
                    if len(self.body):
                        self.body[-1] = self.body[-1].replace('"GroupLine"', '"GroupLast"', 1)
                else:
                    self.block(c)
            elif c.tag in ("kop",):
                continue
            elif c.tag in ("tekst", "vrije-tekst", "algemeen"):
                self.block(c)


def main():
    src, dst = sys.argv[1], sys.argv[2]
    label = ("RECONSTRUCTED by the stukwerk project, not a KOOP original: rendered with LibreOffice from "
             "samples/kst-33279-36/kst-33279-36.xml (see SOURCES.md there)")
    if len(sys.argv) > 4 and sys.argv[3] == "--label":
        label = sys.argv[4]
    root = ET.parse(src).getroot()
    ks = root.find("kamerstuk")
    kop = {t.get("inhoud"): text_of(t) for t in ks.find("kamerstukkop").findall("tekstregel")}
    chamber = kop.get("kameraanduiding", "Tweede Kamer der Staten-Generaal")
    year = kop.get("vergaderjaar", "").replace("Vergaderjaar ", "").replace("-", "\u2013")
    dossier = ks.find("dossier")
    dossier_nr = text_of(dossier.find("dossiernummer"))
    dossier_title = text_of(dossier.find("titel"))
    stuk = ks.find("stuk")
    item = text_of(stuk.find("stuknr").find("ondernummer"))
    title = text_of(stuk.find("titel"))
    pub_id = "kst-%s-%s" % (dossier_nr.replace(" ", ""), item)
    running = "%s, vergaderjaar %s, %s, nr. %s" % (chamber.split(" der ")[0], year, dossier_nr, item)
    printed_year = year.split("\u2013")[-1]
    date = stuk.find(".//datum")
    if date is not None and date.get("isodatum"):
        printed_year = date.get("isodatum")[:4]

    w = Writer()
    w.p("FirstPage", "%s<text:tab/><text:span text:style-name=\"Chamber\">%s</text:span>"
        % (escape(chamber), escape(kop.get("kamernummer", "2"))))
    w.p("Session", escape("Vergaderjaar " + year))
    w.p("Dossier", "%s<text:tab/>%s" % (escape(dossier_nr), escape(dossier_title)))
    w.p("Stuk", "Nr. %s<text:tab/>%s" % (escape(item), escape(title)))
    datum = stuk.find("datumtekst")
    if datum is not None:
        w.p("DateLine", escape(text_of(datum)))
    w.block(stuk.find("algemeen"))
    sluiting = stuk.find("tekst-sluiting")
    if sluiting is not None:
        for o in sluiting.findall("ondertekening"):
            w.p("SignFunction", escape(text_of(o.find("functie"))))
            naam = o.find("naam")
            parts = [text_of(x) for x in naam] if naam is not None and len(naam) else [text_of(naam)] if naam is not None else []
            w.p("SignName", escape(" ".join(p for p in parts if p)))

    colophon = ('<text:p text:style-name="Colophon">%s</text:p>'
                '<text:p text:style-name="Colophon">ISSN 0921 - 7371</text:p>'
                '<text:p text:style-name="ColophonLast">\u2019s-Gravenhage %s<text:tab/>'
                '<text:span text:style-name="RunningFoot">%s</text:span></text:p>'
                % (escape(pub_id), escape(printed_year), escape(running)))
    head = ('<text:p text:style-name="RunningHead">%s<text:tab/><text:page-number text:select-page="current">2'
            '</text:page-number></text:p>' % escape(running))

    with open(dst, "w", encoding="utf-8") as f:
        f.write(TEMPLATE.format(body="\n".join(w.body), colophon=colophon, head=head, col=TEXT_COLUMN,
                                label=escape(label)))


TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta>
 <dc:subject>{label}</dc:subject>
</office:meta>
<office:font-face-decls>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:orphans="2" fo:widows="2"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="9pt" fo:language="nl" fo:country="NL" fo:hyphenate="false"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text">
  <style:paragraph-properties fo:line-height="10.66pt" fo:margin-top="0pt" fo:margin-bottom="0pt"/>
 </style:style>
 <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-left="{col}" fo:margin-bottom="10.66pt" fo:text-align="start"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Body">
  <style:paragraph-properties fo:keep-with-next="always"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="HeadingNumbered" style:family="paragraph" style:parent-style-name="Heading">
  <style:paragraph-properties fo:margin-left="{col}" fo:text-indent="-0.6cm">
   <style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops>
  </style:paragraph-properties>
 </style:style>
 <style:style style:name="ListItem" style:family="paragraph" style:parent-style-name="Body">
  <style:paragraph-properties fo:margin-left="6.45cm" fo:text-indent="-0.6cm">
   <style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops>
  </style:paragraph-properties>
 </style:style>
 <style:style style:name="ListItemMore" style:family="paragraph" style:parent-style-name="Body">
  <style:paragraph-properties fo:margin-left="6.45cm"/>
 </style:style>
 <style:style style:name="FirstHead" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:line-height="100%" fo:margin-bottom="0.9cm">
   <style:tab-stops><style:tab-stop style:position="17.1cm" style:type="right"/></style:tab-stops>
  </style:paragraph-properties>
  <style:text-properties fo:font-size="18pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Session" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="1.3cm" fo:padding-bottom="0.1cm" fo:border-bottom="0.06pt solid #000000"/>
  <style:text-properties fo:font-size="9.5pt"/>
 </style:style>
 <style:style style:name="Dossier" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:line-height="100%" fo:margin-left="{col}" fo:text-indent="-{col}" fo:margin-bottom="2.6cm">
   <style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops>
  </style:paragraph-properties>
  <style:text-properties fo:font-size="12pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Stuk" style:family="paragraph" style:parent-style-name="Dossier">
  <style:paragraph-properties fo:line-height="10.66pt" fo:margin-bottom="10.66pt"/>
  <style:text-properties fo:font-size="9pt"/>
 </style:style>
 <style:style style:name="DateLine" style:family="paragraph" style:parent-style-name="Body"/>
 <style:style style:name="GroupLine" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-left="{col}"/>
 </style:style>
 <style:style style:name="GroupLast" style:family="paragraph" style:parent-style-name="GroupLine">
  <style:paragraph-properties fo:margin-bottom="10.66pt"/>
 </style:style>
 <style:style style:name="SignFunction" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-left="{col}" fo:keep-with-next="always"/>
 </style:style>
 <style:style style:name="SignName" style:family="paragraph" style:parent-style-name="SignFunction">
  <style:paragraph-properties fo:margin-bottom="21.3pt" fo:keep-with-next="auto"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph" style:class="extra">
  <style:paragraph-properties fo:margin-left="6.35cm" fo:text-indent="-0.5cm" fo:line-height="8.4pt" fo:margin-bottom="1pt"/>
  <style:text-properties fo:font-size="7pt"/>
 </style:style>
 <style:style style:name="Colophon" style:family="paragraph">
  <style:paragraph-properties fo:line-height="6.4pt"/>
  <style:text-properties fo:font-size="5.9pt"/>
 </style:style>
 <style:style style:name="ColophonLast" style:family="paragraph" style:parent-style-name="Colophon">
  <style:paragraph-properties fo:line-height="100%">
   <style:tab-stops><style:tab-stop style:position="{col}"/></style:tab-stops>
  </style:paragraph-properties>
 </style:style>
 <style:style style:name="RunningHead" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="{col}">
   <style:tab-stops><style:tab-stop style:position="11.25cm" style:type="right"/></style:tab-stops>
  </style:paragraph-properties>
  <style:text-properties fo:font-size="9pt"/>
 </style:style>
 <style:style style:name="Chamber" style:family="text"><style:text-properties fo:font-size="51pt"/></style:style>
 <style:style style:name="RunningFoot" style:family="text"><style:text-properties fo:font-size="9pt"/></style:style>
 <style:style style:name="Italic" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="Bold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Footnote_20_anchor" style:display-name="Footnote anchor" style:family="text">
  <style:text-properties style:text-position="super 58%"/>
 </style:style>
 <style:style style:name="Footnote_20_Symbol" style:display-name="Footnote Symbol" style:family="text"/>
 <!-- LibreOffice 7.4 styles the marker in the text with citation-body-style-name
      and the number at the page foot with citation-style-name. -->
 <text:notes-configuration text:note-class="footnote" text:citation-style-name="Footnote_20_Symbol"
  text:citation-body-style-name="Footnote_20_anchor" text:default-style-name="Footnote" style:num-format="1"
  text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="FirstLayout">
  <style:page-layout-properties fo:page-width="19.7cm" fo:page-height="27.2cm" fo:margin-top="1cm"
   fo:margin-bottom="0.9cm" fo:margin-left="1.3cm" fo:margin-right="1.4cm">
   <style:footnote-sep style:width="0.02cm" style:distance-before-sep="0.15cm" style:distance-after-sep="0.15cm"
    style:line-style="solid" style:adjustment="left" style:rel-width="20%" style:color="#000000"/>
  </style:page-layout-properties>
  <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.5cm"/></style:footer-style>
 </style:page-layout>
 <style:page-layout style:name="NextLayout">
  <style:page-layout-properties fo:page-width="19.7cm" fo:page-height="27.2cm" fo:margin-top="1cm"
   fo:margin-bottom="1.2cm" fo:margin-left="1.3cm" fo:margin-right="1.4cm">
   <style:footnote-sep style:width="0.02cm" style:distance-before-sep="0.15cm" style:distance-after-sep="0.15cm"
    style:line-style="solid" style:adjustment="left" style:rel-width="20%" style:color="#000000"/>
  </style:page-layout-properties>
  <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.8cm"/></style:header-style>
 </style:page-layout>
 <style:style style:name="FirstPage" style:family="paragraph" style:parent-style-name="FirstHead" style:master-page-name="First_20_Page"/>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="First_20_Page" style:display-name="First Page" style:page-layout-name="FirstLayout" style:next-style-name="Standard">
  <style:footer>{colophon}</style:footer>
 </style:master-page>
 <style:master-page style:name="Standard" style:page-layout-name="NextLayout">
  <style:header>{head}</style:header>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
{body}
</office:text></office:body>
</office:document>
"""

if __name__ == "__main__":
    main()
