#include "syncfeed_importer.hpp"

#include <map>
#include <unordered_map>

#include <stukwerk/sniff.hpp>

#include "record_mapping.hpp"
#include "syncfeed_entry.hpp"
#include "xml_outline.hpp"
#include "xml_text.hpp"

namespace stukwerk::tk {

ImporterInfo SyncFeedImporter::describe() {
    return {"tk-syncfeed", "1.0.0",
            "Tweede Kamer open data, SyncFeed API: Atom pages of tkData entities (Document, DocumentVersie, Zaak, ...)",
            {"application/atom+xml", "application/xml"},
            {"xml", "atom"}};
}

namespace {

// Entity types a Document's record draws on; entries of other types
// (Persoon, Activiteit, ...) are counted and otherwise left alone.
bool indexed_type(std::string_view type) {
    return type == "Document" || type == "DocumentVersie" || type == "Zaak" || type == "Kamerstukdossier" ||
           type == "DocumentActor";
}

constexpr std::string_view entity_names[] = {"document", "documentVersie", "documentActor", "zaak", "zaakActor",
                                             "kamerstukdossier", "activiteit", "agendapunt", "besluit", "persoon",
                                             "fractie", "commissie", "stemming", "vergadering", "verslag"};

// Where each entity of one feed is, found in a first pass; a second pass
// parses an entry again whenever a Document's record needs it. Lookups
// parse into a scratch tree, so one index serves one read() only.
class FeedIndex final : public EntityLookup {
public:
    explicit FeedIndex(std::string_view text) : text_(text) {}

    void add(const RootElement& root, const ChildElement& child) {
        if (!outer_ready_) {
            outer_ = declarations_of(root.start_tag);
            outer_ready_ = true;
        }
        if (local_name(child.qname) != "entry") return;
        const auto slot = static_cast<std::uint32_t>(slots_.size());
        slots_.push_back(Slot{child.begin, child.end - child.begin});
        ++entries_;
        const FeedEntry entry = parse(slot);
        if (entry.external) ++external_;
        if (!entry.foreign.empty()) ++types_["<" + entry.foreign + ">"];
        if (!entry.entity) return;
        const Entity& e = *entry.entity;
        ++types_[e.type];
        if (e.type == "Document" && e.id.empty()) {
            // Invalid (the XSD requires an id) but still a record: the host
            // names it from the file and warns.
            documents_.push_back(slot);
            return;
        }
        if (!indexed_type(e.type) || e.id.empty()) return;
        auto [it, fresh] = by_id_.try_emplace(e.id, slot);
        if (!fresh) {
            it->second = slot;
            if (e.type == "Document") ++superseded_[e.id];
        }
        if (e.type == "Document") documents_.push_back(slot);
        if (e.type == "DocumentVersie" || e.type == "DocumentActor")
            for (const std::string& target : e.refs_named("Document")) pointing_at_[target].push_back(slot);
    }

    std::optional<Entity> by_id(std::string_view type, std::string_view id) const override {
        const auto it = by_id_.find(std::string(id));
        if (it == by_id_.end()) return std::nullopt;
        FeedEntry entry = parse(it->second);
        if (!entry.entity || entry.entity->type != type) return std::nullopt;
        return std::move(entry.entity);
    }

    std::vector<Entity> referring(std::string_view type, std::string_view relation,
                                  std::string_view target) const override {
        std::vector<Entity> out;
        if (relation != "Document") return out;
        const auto it = pointing_at_.find(std::string(target));
        if (it == pointing_at_.end()) return out;
        for (const std::uint32_t slot : it->second) {
            FeedEntry entry = parse(slot);
            if (!entry.entity || entry.entity->type != type) continue;
            // A later entry of the same entity supersedes this one.
            const auto latest = by_id_.find(entry.entity->id);
            if (latest == by_id_.end() || latest->second != slot) continue;
            out.push_back(std::move(*entry.entity));
        }
        return out;
    }

    // The Document entities in feed order, each at its last occurrence.
    template <class Emit>
    void each_document(Emit&& emit) const {
        for (const std::uint32_t slot : documents_) {
            FeedEntry entry = parse(slot);
            const auto latest = by_id_.find(entry.entity->id);
            if (!entry.entity->id.empty() && (latest == by_id_.end() || latest->second != slot)) continue;
            const auto sup = superseded_.find(entry.entity->id);
            emit(std::move(*entry.entity), sup == superseded_.end() ? 0u : sup->second);
        }
    }

    std::size_t documents() const { return documents_.size(); }
    std::size_t entries() const { return entries_; }
    std::size_t external() const { return external_; }

    std::string type_summary() const {
        std::string out;
        for (const auto& [type, n] : types_) out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + type;
        return out.empty() ? "none" : out;
    }

private:
    struct Slot {
        std::size_t begin;
        std::size_t length;
    };

    FeedEntry parse(std::uint32_t slot) const {
        const Slot& s = slots_[slot];
        const pugi::xml_parse_result ok =
            scratch_.load_buffer(text_.data() + s.begin, s.length, pugi::parse_default, pugi::encoding_utf8);
        if (!ok)
            throw Error(std::string("the feed entry at line ") +
                        std::to_string(line_at(text_, s.begin + static_cast<std::size_t>(ok.offset))) +
                        " is not well-formed XML: " + ok.description());
        const pugi::xml_node entry = scratch_.document_element();
        if (!is_element(entry, atom_ns, "entry", outer_)) return {};
        return read_entry(entry, outer_);
    }

    std::string_view text_;
    Namespaces outer_;
    bool outer_ready_ = false;
    std::vector<Slot> slots_;
    std::unordered_map<std::string, std::uint32_t> by_id_;
    std::unordered_map<std::string, std::vector<std::uint32_t>> pointing_at_;
    std::unordered_map<std::string, std::uint32_t> superseded_;
    std::vector<std::uint32_t> documents_;
    std::map<std::string, std::size_t> types_;
    std::size_t entries_ = 0;
    std::size_t external_ = 0;
    mutable pugi::xml_document scratch_;
};

class NoEntities final : public EntityLookup {
public:
    std::optional<Entity> by_id(std::string_view, std::string_view) const override { return std::nullopt; }
    std::vector<Entity> referring(std::string_view, std::string_view, std::string_view) const override { return {}; }
};

void emit(Entity e, const EntityLookup& lookup, std::uint32_t superseded, DocumentSink& sink) {
    Document doc = to_document(resolve(std::move(e), lookup));
    if (superseded > 0)
        doc.warn("superseded-entry", "the feed holds " + std::to_string(superseded) +
                                         " earlier change(s) of this Document; the last one is used");
    sink.accept(std::move(doc));
}

// A bare entity, as SyncFeed/2.0/Entiteiten/<id> serves it.
void read_single_entity(std::string_view xml, const RootElement& root, DocumentSink& sink) {
    pugi::xml_document tree;
    const pugi::xml_parse_result ok = tree.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!ok)
        throw Error(std::string("not well-formed XML at line ") +
                    std::to_string(line_at(xml, static_cast<std::size_t>(ok.offset))) + ": " + ok.description());
    Entity e = entity_from_element(tree.document_element(), {});
    if (e.type != "Document")
        throw Error("the input is a single <" + std::string(root.qname) +
                    "> entity; only Document entities become documents");
    emit(std::move(e), NoEntities{}, 0, sink);
}

}  // namespace

Identification SyncFeedImporter::do_identify(const Probe& probe) const {
    const std::string head = sniff::ascii_view(probe.head);
    const std::string root_qname = sniff::xml_root_name(head);
    const std::string_view root = local_name(root_qname);
    const bool tkdata = sniff::contains(head, tkdata_ns);
    if (root == "feed") {
        if (sniff::contains(head, atom_ns) && tkdata) return {95, "Atom feed with tkData entities (SyncFeed)"};
        if (sniff::contains(head, "gegevensmagazijn.tweedekamer.nl/SyncFeed"))
            return {85, "Atom feed from the gegevensmagazijn SyncFeed"};
        return {0, {}};
    }
    for (std::string_view name : entity_names)
        if (root == name && tkdata) return {80, "a single tkData entity <" + std::string(name) + ">"};
    return {0, {}};
}

void SyncFeedImporter::do_read(const Source& source, DocumentSink& sink) const {
    const Utf8Text text = Utf8Text::decode(source.bytes());
    const std::string_view xml = text.view();
    FeedIndex index(xml);
    const RootElement root =
        scan_outline(xml, source.limits().max_depth, [&](const RootElement& r, const ChildElement& c) { index.add(r, c); });

    const Namespaces outer = declarations_of(root.start_tag);
    const std::string_view root_ns = namespace_uri({}, prefix_of(root.qname), outer);
    if (root_ns == tkdata_ns) return read_single_entity(xml, root, sink);
    if (local_name(root.qname) != "feed" || root_ns != atom_ns)
        throw Error("the root element <" + std::string(root.qname) + "> is neither an Atom feed nor a tkData entity");
    if (index.documents() == 0) {
        if (index.external() > 0)
            throw Error("the feed's " + std::to_string(index.external()) +
                        " entries link to their entities instead of embedding them (a content=external feed); "
                        "fetch the feed with embedded content");
        throw Error("the feed holds no Document entity (" + std::to_string(index.entries()) +
                    " entries: " + index.type_summary() + ")");
    }
    index.each_document([&](Entity e, std::uint32_t superseded) { emit(std::move(e), index, superseded, sink); });
}

}  // namespace stukwerk::tk
