// Kamerstukken and Aanhangsels as KOOP typesets them:
//
//   Tweede Kamer der Staten-Generaal                       2
//   Vergaderjaar 2022–2023
//   33 279        Internationale militaire samenwerking
//   Nr. 36        BRIEF VAN DE MINISTER EN STAATSSECRETARIS VAN DEFENSIE
//                 Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
//                 Den Haag, 22 december 2022
//                 … text, closing …
//   kst-33279-36 / ISSN 0921 - 7371 / ’s-Gravenhage 2022       (colophon, page 1)
//   Tweede Kamer, vergaderjaar 2022–2023, 33 279, nr. 36      (running foot)
#include <algorithm>
#include <regex>

#include <stukwerk/dutch.hpp>
#include "structure.hpp"
#include "text_util.hpp"

namespace stukwerk::pdf {
namespace {

const std::regex& dossier_label() {
    static const std::regex re(R"(^\d{2} ?\d{3}(?:[ -](?:[A-Z]{1,4}|\d{1,3}|[IVXL]+))*$)");
    return re;
}

const std::regex& item_label() {
    static const std::regex re(R"(^Nr\. ?(\d+)$)");
    return re;
}

const std::regex& colophon_id() {
    static const std::regex re(R"(^(kst|ah-tk|ah-ek)-[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*$)");
    return re;
}

const std::regex& date_line() {
    static const std::regex re(R"(^(Voorgesteld|Ontvangen|Vastgesteld|Gewijzigd|Toegezonden|Ingezonden) .*\d{4}\.?$)");
    return re;
}

bool is_place_date(const std::string& text) {
    const bool place = starts_with(text, "Den Haag, ") || starts_with(text, "\xE2\x80\x99s-Gravenhage, ") ||
                       starts_with(text, "'s-Gravenhage, ");
    return place && text.size() < 48 && !dutch::iso_date_in(text).empty();
}

// "De Minister van Defensie,", "De Staatssecretaris van Defensie,"
bool is_function_line(const std::string& text) {
    if (text.size() > 120 || last_code_point(text) != ',') return false;
    if (!starts_with(text, "De ") && !starts_with(text, "de ")) return false;
    for (std::string_view f : {"inister", "taatssecretaris", "oorzitter", "riffier", "ecretaris", "ommissaris",
                               "resident"})
        if (text.find(f) != std::string::npos) return true;
    return false;
}

bool is_name_line(const std::string& text) {
    if (text.empty() || text.size() > 60) return false;
    const char32_t last = last_code_point(text);
    return last != '.' && last != ',' && last != ';' && last != ':' && is_upper_letter(first_code_point(text));
}

std::string label_of(const Line& l) {
    return l.segments.size() >= 2 ? collapse_spaces(l.segments.front().text()) : std::string();
}

// The lines without the margin label of the first one.
std::vector<Line> without_label(const Para& p) {
    std::vector<Line> lines = p.lines;
    if (lines.front().segments.size() >= 2) lines.front().segments.erase(lines.front().segments.begin());
    return lines;
}

std::string dash_to_hyphen(std::string s) {
    for (std::size_t at; (at = s.find("\xE2\x80\x93")) != std::string::npos;) s.replace(at, 3, "-");
    return s;
}

struct Closing {
    std::size_t from = 0;  // index of the first paragraph of the closing
    std::vector<Block> blocks;
    std::vector<Person> people;
};

// A motion closes with its submitters' names after "en gaat over tot de
// orde van de dag."; a letter with one block per signatory: the function
// line ("De Minister van Defensie,") and the name.
Closing find_closing(const Reading& r, std::size_t from, std::size_t to) {
    Closing c;
    c.from = to;
    if (from >= to) return c;
    for (std::size_t i = to; i-- > from;) {
        const std::string t = ascii_lower(para_text(r.paras[i]));
        if (!starts_with(t, "en gaat over tot de orde van de dag")) continue;
        if (i + 1 >= to) break;
        Block sig;
        sig.type = BlockType::signature;
        bool names = true;
        for (std::size_t k = i + 1; k < to && names; ++k)
            for (const Line& l : r.paras[k].lines) {
                const std::string name = collapse_spaces(text_of({l}));
                if (!is_name_line(name)) names = false;
                sig.children.push_back(block_of(BlockType::paragraph, {l}, r, "name", InlineOptions{false, 0}));
                c.people.push_back(Person{name, "signatory", {}, {}});
            }
        if (!names) return Closing{to, {}, {}};
        sig.source = location_of(r.paras[i + 1].lines);
        c.blocks.push_back(std::move(sig));
        c.from = i + 1;
        return c;
    }
    // Letters: trailing paragraphs made only of function and name lines.
    std::size_t start = to;
    bool has_function = false;
    while (start > from) {
        const Para& p = r.paras[start - 1];
        bool ok = true, function = false;
        for (const Line& l : p.lines) {
            const std::string t = collapse_spaces(text_of({l}));
            if (is_function_line(t)) function = true;
            else if (!is_name_line(t)) ok = false;
        }
        if (!ok) break;
        has_function = has_function || function;
        --start;
    }
    if (!has_function) return c;
    while (start < to && !is_function_line(collapse_spaces(text_of({r.paras[start].lines.front()})))) ++start;
    c.from = start;
    for (std::size_t k = start; k < to; ++k)
        for (const Line& l : r.paras[k].lines) {
            const std::string t = collapse_spaces(text_of({l}));
            if (is_function_line(t) || c.blocks.empty()) {
                Block sig;
                sig.type = BlockType::signature;
                sig.source = location_of({l});
                c.blocks.push_back(std::move(sig));
            }
            Block& sig = c.blocks.back();
            const bool function = is_function_line(t);
            sig.children.push_back(block_of(BlockType::paragraph, {l}, r, function ? "function" : "name",
                                            InlineOptions{false, 0}));
            if (!function) {
                std::string f;
                for (const Block& b : sig.children)
                    if (b.role == "function") f = plain_text(b);
                if (!f.empty()) f.pop_back();  // the comma
                if (starts_with(f, "De ") || starts_with(f, "de ")) f.erase(0, 3);
                c.people.push_back(Person{t, "signatory", f, {}});
            }
        }
    return c;
}

}  // namespace

bool read_kamerstuk(const Reading& r, Document& doc) {
    std::string id;
    std::string running_foot;
    for (const Line* l : r.furniture())
        for (const Segment& s : l->segments) {
            const std::string t = collapse_spaces(s.text());
            if (id.empty() && std::regex_match(t, colophon_id())) id = t;
            const std::string k = ascii_lower(t);
            if (running_foot.empty() && (starts_with(k, "tweede kamer, vergaderjaar ") ||
                                         starts_with(k, "eerste kamer, vergaderjaar ")))
                running_foot = t;
        }
    // The header: consecutive paragraphs at the top of page 1.
    Metadata m;
    std::vector<Block> head;
    std::string printed_title;
    bool aanhangsel = starts_with(id, "ah-");
    bool has_chamber = false, has_item = false;
    std::size_t i = 0;
    for (; i < r.paras.size() && r.paras[i].page() == 1; ++i) {
        const Para& p = r.paras[i];
        const std::string text = para_text(p);
        const std::string label = label_of(p.lines.front());
        std::smatch match;
        if (starts_with(text, "Tweede Kamer der Staten-Generaal") || starts_with(text, "Eerste Kamer der Staten-Generaal")) {
            m.chamber = text.substr(0, 12);
            has_chamber = true;
        } else if (starts_with(text, "Vergaderjaar ")) {
            m.session_year = dash_to_hyphen(collapse_spaces(text.substr(13)));
        } else if (starts_with(text, "Aanhangsel van de Handelingen")) {
            aanhangsel = true;
        } else if (aanhangsel && starts_with(text, "Vragen gesteld door de leden der Kamer")) {
            // the standing subtitle of every Aanhangsel
        } else if (!label.empty() && std::regex_match(label, dossier_label()) && !has_item) {
            Block h = block_of(BlockType::heading, without_label(p), r, "dossier-title", InlineOptions{false, 0});
            h.level = 1;
            h.label = label;
            m.dossiers.push_back(Dossier{label, plain_text(h)});
            head.push_back(std::move(h));
        } else if (!label.empty() && (std::regex_match(label, match, item_label()) || (aanhangsel && all_digits(label)))) {
            Block h = block_of(BlockType::heading, without_label(p), r, "document-title", InlineOptions{false, 0});
            h.level = 1;
            h.label = label;
            m.item_number = all_digits(label) ? label : match[1].str();
            printed_title = plain_text(h);
            head.push_back(std::move(h));
            has_item = true;
        } else {
            break;
        }
    }
    if (!has_chamber || (!has_item && id.empty())) return false;

    // What the header leaves out, the running foot says:
    // "Tweede Kamer, vergaderjaar 2020–2021, 32 545, nr. 143".
    if (!running_foot.empty()) {
        static const std::regex foot(R"(^(?:Tweede|Eerste) Kamer, vergaderjaar (\d{4}).(\d{4}), (.+), nr\. (\d+)(?: \d+)?$)");
        std::smatch fm;
        if (std::regex_match(running_foot, fm, foot)) {
            if (m.session_year.empty()) m.session_year = fm[1].str() + "-" + fm[2].str();
            if (m.dossiers.empty()) m.dossiers.push_back(Dossier{fm[3].str(), {}});
            if (m.item_number.empty()) m.item_number = fm[4].str();
        }
    }
    if (id.empty() && !m.dossiers.empty() && !m.item_number.empty() && !aanhangsel) {
        std::string compact;
        for (char c : m.dossiers.front().number) compact += c == ' ' ? '-' : c;
        // "36 200 X" -> "36200-X": the first space joins the digit groups
        const auto sp = m.dossiers.front().number.find(' ');
        if (sp != std::string::npos && sp == 2) compact.erase(2, 1);
        id = "kst-" + compact + "-" + m.item_number;
    }

    doc.id = id;
    m.title = printed_title;
    m.document_type = aanhangsel ? std::string("Vragen en antwoorden") : dutch::document_type_from_title(printed_title);
    if (printed_title.empty()) m.document_type.clear();
    m.publication_type = aanhangsel ? "Aanhangsel" : "Kamerstuk";
    m.language = "nl";
    if (aanhangsel) m.document_type.clear();

    // The body, with the roles of its standing lines, and the closing.
    const Closing closing = find_closing(r, i, r.paras.size());
    std::vector<Block> body = std::move(head);
    std::size_t from = i;
    std::string place_date;
    for (std::size_t k = i; k < closing.from; ++k) {
        const Para& p = r.paras[k];
        const std::string text = para_text(p);
        std::string role;
        if (p.lines.size() == 1 && std::regex_match(text, date_line()) && m.date.empty() && k < i + 3) {
            role = "date-line";
            m.date = dutch::iso_date_in(text);
        } else if (p.lines.size() == 1 && is_place_date(text)) {
            role = "place-date";
            if (place_date.empty()) place_date = dutch::iso_date_in(text);
        } else if (k < i + 3 && (starts_with(text, "Aan de Voorzitter") || starts_with(text, "Aan de voorzitter") ||
                                 starts_with(text, "Aan de leden"))) {
            role = "addressee";
        }
        if (role.empty()) continue;
        append_body(body, r, from, k);
        from = k + 1;
        if (role == "addressee") {
            // "Aan de Voorzitter …" and "Den Haag, 22 december 2022" set
            // without a gap come as one paragraph: the date line is its own.
            std::vector<Line> to, date;
            for (const Line& l : p.lines) {
                const std::string t = collapse_spaces(text_of({l}));
                (is_place_date(t) || !date.empty() ? date : to).push_back(l);
            }
            body.push_back(block_of(BlockType::paragraph, to, r, "addressee"));
            // "Aan de Voorzitter van de Tweede Kamer …" addresses "Voorzitter van de Tweede Kamer …"
            std::string whom = collapse_spaces(text_of(to));
            for (std::string_view lead : {"Aan de ", "Aan het ", "Aan "})
                if (starts_with(whom, lead)) {
                    whom.erase(0, lead.size());
                    break;
                }
            m.people.push_back(Person{whom, "addressee", {}, {}});
            if (!date.empty()) {
                body.push_back(block_of(BlockType::paragraph, date, r, "place-date"));
                if (place_date.empty()) place_date = dutch::iso_date_in(text_of(date));
            }
            continue;
        }
        body.push_back(block_of(BlockType::paragraph, p.lines, r, role));
    }
    append_body(body, r, from, closing.from);
    for (const Block& b : closing.blocks) body.push_back(b);
    for (const Person& person : closing.people) m.people.push_back(person);
    if (m.date.empty()) m.date = place_date;
    doc.metadata = std::move(m);
    doc.body = std::move(body);
    add_footnotes(doc, r);
    return true;
}

}  // namespace stukwerk::pdf
