// The body of a VLOS meeting transcript: a section per activiteit (agenda
// item) and per activiteithoofd (term, question, vote), a speaker_turn per
// woordvoerder and per interrumpant, the paragraphs of their text, and the
// Kamerstukken the transcript names in markup (zaken, stuknummer and
// dossiernummer) as explicit references.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include <stukwerk/document.hpp>

namespace stukwerk::tk {

class VlosBody {
public:
    explicit VlosBody(Document& doc) : doc_(doc) {}

    // Appends the blocks of <vergadering>'s agenda (activiteit,
    // draadboekfragment, bijlages) to doc.body.
    void build(pugi::xml_node vergadering, const std::string& path);

    // Resolves the explicit references' block paths; call once, last.
    void finish();

    // The speakers met, in order of first appearance, with role "chair" for
    // those who spoke from the chair and "speaker" otherwise.
    std::vector<Person> people() const { return people_; }
    std::vector<Dossier> dossiers() const { return dossiers_; }
    std::vector<std::string> subjects() const { return subjects_; }
    std::vector<Identifier> identifiers() const { return identifiers_; }

private:
    struct PendingReference {
        Reference reference;
        std::string anchor;  // source.path of the block it belongs to
    };

    void section(pugi::xml_node node, const std::string& path, int level, std::vector<Block>& out,
                 const std::function<bool(pugi::xml_node, std::string_view, const std::string&, Block&)>& part);
    void activiteit(pugi::xml_node node, const std::string& path, std::vector<Block>& out);
    void hoofd(pugi::xml_node node, const std::string& path, std::vector<Block>& out);
    void deel_or_item(pugi::xml_node node, const std::string& path, std::vector<Block>& out);
    void speech(pugi::xml_node node, const std::string& path, std::vector<Block>& out);
    Block turn(pugi::xml_node node, const std::string& path, const std::string& role);
    void fragment(pugi::xml_node node, const std::string& path, std::vector<Block>& out, const std::string& anchor);
    void tekst(pugi::xml_node node, const std::string& path, std::vector<Block>& out, const std::string& role = {});
    void alinea(pugi::xml_node node, const std::string& path, std::vector<Block>& out, const std::string& role);
    Block alineaitem(pugi::xml_node node, const std::string& path, BlockType type, const std::string& role);
    void inlines(pugi::xml_node node, std::uint8_t styles, std::vector<Inline>& out);
    void zaken(pugi::xml_node node, const std::string& path, std::vector<Block>& out, const std::string& anchor,
               bool named);
    void bijlages(pugi::xml_node node, const std::string& path, std::vector<Block>& out);
    void stemmingen(pugi::xml_node node, const std::string& path, std::vector<Block>& out);
    Speaker speaker(pugi::xml_node spreker, bool chair);
    void add_dossier(const std::string& number, const std::string& title);
    void cite(Reference r, const std::string& anchor);
    void unknown(pugi::xml_node node, const std::string& path, std::vector<Block>& out);

    Document& doc_;
    std::vector<PendingReference> pending_;
    std::vector<Person> people_;
    std::map<std::string, std::size_t> person_index_;
    std::vector<Dossier> dossiers_;
    std::vector<std::string> subjects_;
    std::vector<Identifier> identifiers_;
};

// "33 972" -> "33972", "36 200 X" -> "36200-X", "21501-20" stays.
std::string compact_dossier(std::string_view s);

}  // namespace stukwerk::tk
