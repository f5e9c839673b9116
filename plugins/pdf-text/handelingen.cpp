// Handelingen items as the Tweede Kamer typesets them: two columns, the
// item number and title in bold at the top of the first page, the chair
// ("Voorzitter: Martin Bosma"), then speeches, each opened by its speaker
// ("De heer De Hoop (GroenLinks-PvdA):", "Minister De Jonge:"), with the
// motions submitted read out in a box ("Motie" … "en gaat over tot de orde
// van de dag."). Every page's foot repeats the date, the chamber, the
// item's title, the meeting ("TK 40") and the page ("40-6-1").
#include <algorithm>
#include <regex>

#include <stukwerk/dutch.hpp>
#include "structure.hpp"
#include "text_util.hpp"

namespace stukwerk::pdf {
namespace {

struct SpeakerLine {
    bool ok = false;
    Speaker speaker;
};

// "De heer De Hoop (GroenLinks-PvdA):", "Mevrouw Beckerman (SP):",
// "De voorzitter:", "Minister De Jonge:", "Staatssecretaris Van Rij:".
SpeakerLine parse_speaker(const Line& line) {
    SpeakerLine out;
    const std::string text = collapse_spaces(text_of({line}));
    if (text.size() > 120 || last_code_point(text) != ':') return out;
    bool any_bold = false;
    for (const Segment& s : line.segments)
        for (const Word& w : s.words) any_bold = any_bold || w.bold;
    if (!any_bold) return out;
    static const std::regex re(
        R"(^(De heer|Mevrouw|De voorzitter|De Voorzitter|Minister-president|Minister|Staatssecretaris|De minister|De staatssecretaris)( [^():]+?)?(?: \(([^)]+)\))?:$)");
    std::smatch m;
    if (!std::regex_match(text, m, re)) return out;
    const std::string title = m[1].str();
    const std::string name = trim(m[2].str());
    out.ok = true;
    out.speaker.party = m[3].str();
    if (title == "De voorzitter" || title == "De Voorzitter") {
        if (!name.empty()) return SpeakerLine{};
        out.speaker.function = "voorzitter";  // named once, as the chair, in metadata.people
    } else if (title == "De heer" || title == "Mevrouw") {
        if (name.empty()) return SpeakerLine{};
        out.speaker.name = name;
    } else {
        if (name.empty()) return SpeakerLine{};
        std::string f = ascii_lower(title);
        if (starts_with(f, "de ")) f.erase(0, 3);
        out.speaker.function = f;
        out.speaker.name = name;
    }
    return out;
}

}  // namespace

bool read_handelingen(const Reading& r, Document& doc) {
    static const std::regex meeting(R"(^(TK|EK) (\d+)$)");
    static const std::regex page_ref(R"(^(\d+)-(\d+)-(\d+)$)");
    std::string chamber, meeting_no, item_no, date;
    for (const Line* l : r.furniture())
        for (const Segment& s : l->segments) {
            const std::string t = collapse_spaces(s.text());
            std::smatch m;
            if (std::regex_match(t, m, meeting)) {
                chamber = m[1].str() == "TK" ? "Tweede Kamer" : "Eerste Kamer";
                meeting_no = m[2].str();
            } else if (std::regex_match(t, m, page_ref)) {
                item_no = m[2].str();
            } else if (date.empty()) {
                const std::string d = dutch::iso_date_in(t);
                if (!d.empty() && collapse_spaces(t).size() < 20) date = d;
            }
        }
    if (chamber.empty() || item_no.empty()) return false;

    Metadata& md = doc.metadata;
    md.publication_type = "Handelingen";
    md.chamber = chamber;
    md.date = date;
    md.language = "nl";
    if (!date.empty()) md.session_year = dutch::session_year_of(date);
    md.raw.push_back(Field{"vergadernummer", meeting_no, {}});
    md.raw.push_back(Field{"itemnummer", item_no, {}});
    if (!md.session_year.empty()) {
        std::string compact = md.session_year;
        compact.erase(4, 1);
        doc.id = std::string(chamber == "Tweede Kamer" ? "h-tk-" : "h-ek-") + compact + "-" + meeting_no + "-" + item_no;
    }

    std::vector<Block> body;
    std::size_t i = 0;
    std::string chair;
    // The head: "6" and the title in bold, then "Voorzitter: …".
    for (; i < r.paras.size() && r.paras[i].page() == 1 && i < 4; ++i) {
        const Para& p = r.paras[i];
        const std::string text = para_text(p);
        if (!p.bold()) break;
        if (starts_with(text, "Voorzitter: ")) {
            chair = text.substr(12);
            md.people.push_back(Person{chair, "chair", "voorzitter", {}});
            body.push_back(block_of(BlockType::paragraph, p.lines, r, "chair", InlineOptions{false, 0}));
            continue;
        }
        std::vector<Line> title = p.lines;
        std::string label;
        const std::string first = collapse_spaces(text_of({title.front()}));
        if (all_digits(first)) {
            label = first;
            title.erase(title.begin());
        }
        if (title.empty()) continue;
        Block h = block_of(BlockType::heading, title, r, "document-title", InlineOptions{false, 0});
        h.level = 1;
        h.label = label;
        md.title = plain_text(h);
        body.push_back(std::move(h));
    }

    Block* turn = nullptr;    // the open speaker turn
    Block* motion = nullptr;  // the open motion inside it
    auto target = [&]() -> std::vector<Block>& {
        if (motion) return motion->children;
        return turn ? turn->children : body;
    };
    for (; i < r.paras.size(); ++i) {
        const Para& p = r.paras[i];
        SpeakerLine sl = parse_speaker(p.lines.front());
        std::vector<Line> rest = p.lines;
        if (sl.ok) {
            motion = nullptr;
            Block t;
            t.type = BlockType::speaker_turn;
            t.speaker = sl.speaker;
            t.source = location_of(p.lines);
            // the speaker line as printed, as the XML importer keeps it
            t.children.push_back(block_of(BlockType::paragraph, {p.lines.front()}, r, "speaker", InlineOptions{false, 0}));
            body.push_back(std::move(t));
            turn = &body.back();
            const bool known = std::any_of(md.people.begin(), md.people.end(), [&](const Person& x) {
                return x.name == sl.speaker.name && x.function == sl.speaker.function;
            });
            if (!known && !sl.speaker.name.empty())
                md.people.push_back(Person{sl.speaker.name, "speaker", sl.speaker.function, sl.speaker.party});
            rest.erase(rest.begin());
            if (rest.empty()) continue;
        }
        const std::string text = collapse_spaces(text_of(rest));
        if (text == "Motie" && !motion) {
            Block q;
            q.type = BlockType::quote;
            q.role = "motion";
            q.source = location_of(rest);
            Block h = block_of(BlockType::heading, rest, r, {}, InlineOptions{false, 0});
            h.level = 2;
            q.children.push_back(std::move(h));
            std::vector<Block>& into = turn ? turn->children : body;
            into.push_back(std::move(q));
            motion = &into.back();
            continue;
        }
        static const std::regex number(R"(^Zij krijgt (nr\. \d+ \(\d+\))\.$)");
        std::smatch nm;
        if (std::regex_match(text, nm, number)) {
            // names the motion just read out: the last one of the debate so far
            for (auto it = body.rbegin(); it != body.rend(); ++it) {
                Block* found = nullptr;
                for (auto c = it->children.rbegin(); c != it->children.rend() && !found; ++c)
                    if (c->type == BlockType::quote && c->role == "motion") found = &*c;
                if (found) {
                    if (found->label.empty()) found->label = nm[1].str();
                    break;
                }
            }
        }
        target().push_back(block_of(BlockType::paragraph, rest, r));
        if (motion && starts_with(ascii_lower(text), "en gaat over tot de orde van de dag")) motion = nullptr;
    }
    doc.body = std::move(body);
    add_footnotes(doc, r);
    return true;
}

}  // namespace stukwerk::pdf
