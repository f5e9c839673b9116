// The element walk: officiele-publicatie content to the block tree.
//
// Block context (children of tekst, divisie, li, ...) and inline context
// (children of al, titel, noot.al, ...) are walked by two sets of functions;
// element names map to a handful of kinds (the table in kind_of(), in
// body_builder.cpp). An element the table does not know is never dropped:
// its text is kept where it stands and one `unknown-element` warning per
// element name says so. Recursion depth is bounded by the host's limit,
// which parse_xml() has already enforced on the whole tree.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <pugixml.hpp>

#include <stukwerk/document.hpp>
#include <stukwerk/importer.hpp>

namespace stukwerk::oep {

enum class Flavour { kamerstuk, handelingen, kamervragen, generic };

// "/name" or "/name[k]" (1-based among same-named siblings, only when there
// are several) for the element children of one parent, in linear time: call
// it for every element child, in document order.
class SiblingSteps {
public:
    explicit SiblingSteps(pugi::xml_node parent);
    std::string operator()(pugi::xml_node child);

private:
    struct Count {
        std::string_view name;
        int total = 0;
        int seen = 0;
    };
    Count& count(std::string_view name);
    // Most parents have a few distinct child names: a short list, searched in
    // order; a parent with many distinct names gets an index over it.
    std::vector<Count> counts_;
    std::unordered_map<std::string_view, std::size_t> index_;
};

class BodyBuilder {
public:
    BodyBuilder(Document& doc, const Limits& limits, Flavour flavour);

    // Gives every <noot> its footnote id before the walk, so that a
    // <nootref> may point at a note further on. Iterative.
    void index_notes(pugi::xml_node root);

    // The block content of `container`'s children, appended to `out`.
    // `skip_a`/`skip_b`: children handled by the caller.
    void blocks(pugi::xml_node container, std::vector<Block>& out, const std::string& path, int depth,
                pugi::xml_node skip_a = {}, pugi::xml_node skip_b = {});

    // The block content of one element (as if it were the only child).
    void one(pugi::xml_node element, std::vector<Block>& out, const std::string& path, int depth);

    // One block of `type` whose text is the inline content of `node`.
    Block text_block(pugi::xml_node node, BlockType type, const std::string& path, int depth, std::string role = {});
    // The inline content of `node`'s children.
    void inline_children(pugi::xml_node node, std::vector<Inline>& out, std::uint8_t styles, const std::string& path,
                         int depth);
    // A heading from a <kop> (label from <label> and <nr>, text from <titel>).
    Block heading_from_kop(pugi::xml_node kop, const std::string& path, int level, int depth);
    // <dossier>/<kamerstukkop>-style header lines kept in metadata.raw.
    void header_lines(pugi::xml_node node, const std::string& field_name);

    // The step of a single node, by scanning its siblings (use SiblingSteps in loops).
    static std::string step(pugi::xml_node node);

    // Signatories (ondertekening, al-groep) and speakers met during the walk.
    std::vector<Person> people;
    int section_level = 1;  // heading level of the section being filled; the document title is 1

    // Adds one warning per unknown element name. Call once, at the end.
    void finish();

private:
    enum class Kind : std::uint8_t;
    struct NoteInfo {
        std::string id;
        std::string label;
    };
    struct Unknown {
        std::size_t count = 0;
        std::string first_path;
    };

    Kind kind_of(const char* name) const;
    void block(pugi::xml_node child, Kind kind, std::vector<Block>& out, const std::string& path, int depth,
               bool& last_was_lid);
    // `path` is the node's own element path.
    void inline_node(pugi::xml_node node, std::vector<Inline>& out, std::uint8_t styles, const std::string& path,
                     int depth);

    Block section(pugi::xml_node node, const std::string& path, int depth, const char* role);
    Block labelled_section(pugi::xml_node node, const char* label_element, const char* title_element,
                           const std::string& path, int depth, const char* role);
    Block list(pugi::xml_node lijst, const std::string& path, int depth);
    Block list_item(pugi::xml_node li, const char* label_element, const std::string& path, int depth);
    Block table(pugi::xml_node table, const std::string& path, int depth, std::vector<Block>& after);
    Block signature(pugi::xml_node ondertekening, const std::string& path, int depth);
    Block name_group(pugi::xml_node al_groep, const std::string& path, int depth);
    Block speech(pugi::xml_node spreekbeurt, const std::string& path, int depth);
    Block figure(pugi::xml_node node, const std::string& path, int depth);
    Block definitions(pugi::xml_node node, const std::string& path, int depth);
    bool is_name_group(pugi::xml_node al_groep) const;
    Inline footnote(pugi::xml_node noot, const std::string& path, int depth);  // path: the noot's own
    void unknown(pugi::xml_node node, const std::string& path);
    void guard(int depth) const;

    Document& doc_;
    const Limits& limits_;
    Flavour flavour_;
    std::unordered_map<const void*, NoteInfo> notes_by_node_;
    std::unordered_map<std::string, NoteInfo> notes_by_source_id_;
    std::vector<std::pair<std::string, Unknown>> unknown_;      // in order of first appearance
    std::unordered_map<std::string, std::size_t> unknown_index_;  // name -> position in unknown_
};

// The text of a node and its descendants, whitespace collapsed (iterative).
std::string text_content(pugi::xml_node node);

}  // namespace stukwerk::oep
