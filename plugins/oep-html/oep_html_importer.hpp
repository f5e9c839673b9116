// `oep-html`: the HTML of officiële publicaties (Kamerstukken, Handelingen,
// Kamervragen) as repository.overheid.nl stores it (bare XHTML) and as a
// zoek.officielebekendmakingen.nl page shows it (the same publication inside
// the site's header, navigation, cookie notice, scripts and footer). See
// README.md in this folder for the whole mapping.
#pragma once

#include <stukwerk/importer.hpp>

namespace stukwerk::oep_html {

class OepHtmlImporter final : public Importer {
public:
    static ImporterInfo describe();

private:
    Identification do_identify(const Probe& probe) const override;
    void do_read(const Source& source, DocumentSink& sink) const override;
};

}  // namespace stukwerk::oep_html
