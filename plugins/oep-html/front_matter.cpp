#include "front_matter.hpp"

#include <stukwerk/dutch.hpp>

#include "dutch_text.hpp"

namespace stukwerk::oep_html {
namespace {

const Block* first_with_role(const std::vector<Block>& body, std::string_view role) {
    const Block* found = nullptr;
    for_each_block(body, [&](const Block& b) {
        if (!found && b.role == role) found = &b;
    });
    return found;
}

std::string heading_text(const Block& b) { return trim(plain_text(b)); }

}  // namespace

void mark_front_matter(std::vector<Block>& body) {
    std::size_t i = 0;
    for (std::size_t k = 0; k < body.size(); ++k)
        if (body[k].type == BlockType::heading && body[k].role == "document-title") i = k + 1;
    std::size_t paragraphs = 0;
    for (; i < body.size() && paragraphs < 4; ++i) {
        Block& b = body[i];
        if (b.type == BlockType::heading && b.role.empty()) break;
        if (b.type != BlockType::paragraph) break;
        ++paragraphs;
        if (!b.role.empty()) continue;
        const std::string text = plain_text(b);
        if (is_addressee_line(text)) b.role = "addressee";
        else if (is_place_date_line(text)) b.role = "place-date";
    }
}

void complete_from_body(Document& doc, const std::vector<Person>& signatories) {
    Metadata& m = doc.metadata;
    std::vector<const Block*> dossier_titles;
    for_each_block(doc.body, [&](const Block& b) {
        if (b.type == BlockType::heading && b.role == "dossier-title") dossier_titles.push_back(&b);
    });
    const Block* title = first_with_role(doc.body, "document-title");

    if (m.dossiers.empty()) {
        for (const Block* d : dossier_titles)
            if (!d->label.empty()) m.dossiers.push_back(Dossier{d->label, heading_text(*d)});
    } else {
        for (Dossier& d : m.dossiers) {
            if (!d.title.empty()) continue;
            for (const Block* h : dossier_titles)
                if (dutch::compact_dossier_number(h->label) == dutch::compact_dossier_number(d.number)) d.title = heading_text(*h);
        }
    }
    if (m.item_number.empty() && title && !title->label.empty()) m.item_number = item_number_from_label(title->label);
    if (m.title.empty() && title) m.title = heading_text(*title);
    if (m.document_type.empty() && title) m.document_type = dutch::document_type_from_title(heading_text(*title));
    if (m.date.empty()) {
        for (std::string_view role : {"date-line", "place-date"})
            if (const Block* line = first_with_role(doc.body, role); line && m.date.empty()) m.date = dutch::iso_date_in(plain_text(*line));
    }
    if (doc.id.empty() && !dossier_titles.empty() && !m.dossiers.empty() && !m.item_number.empty() &&
        (m.publication_type.empty() || m.publication_type == "Kamerstuk")) {
        doc.id = "kst-" + dutch::compact_dossier_number(m.dossiers.front().number) + "-" + m.item_number;
        if (m.publication_type.empty()) m.publication_type = "Kamerstuk";
    }
    if (m.language.empty()) m.language = "nl";  // KOOP publishes in Dutch; the meta tag says so where present

    bool addressed = false;
    for (const Person& p : m.people) addressed = addressed || p.role == "addressee";
    if (const Block* to = first_with_role(doc.body, "addressee"); to && !addressed) {
        std::string name = trim(plain_text(*to));
        for (std::string_view lead : {"Aan de ", "Aan het ", "Aan "})
            if (name.compare(0, lead.size(), lead) == 0) {
                name.erase(0, lead.size());
                break;
            }
        if (!name.empty()) m.people.push_back(Person{name, "addressee", {}, {}});
    }
    // In the order the text names them: the addressee at the top, the
    // signatories under it.
    for (const Person& p : signatories) m.people.push_back(p);
}

}  // namespace stukwerk::oep_html
