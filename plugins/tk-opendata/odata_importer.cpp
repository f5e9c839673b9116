#include "odata_importer.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/error.hpp>
#include <boost/json/parse_options.hpp>

#include <stukwerk/sniff.hpp>

#include "record_mapping.hpp"
#include "xml_outline.hpp"
#include "xml_text.hpp"

namespace stukwerk::tk {

ImporterInfo ODataImporter::describe() {
    return {"tk-odata", "1.0.0",
            "Tweede Kamer open data, OData API: JSON entities (Document, Zaak, DocumentVersie, ...), expanded or not",
            {"application/json"},
            {"json"}};
}

namespace {

namespace json = boost::json;

// The entities of one JSON input, merged by type and GUID (an entity may be
// expanded in several places), with an index of who points at whom.
class Pool final : public EntityLookup {
public:
    std::size_t add(Entity e) {
        if (e.id.empty()) {
            entities_.push_back(std::move(e));
            return entities_.size() - 1;
        }
        const std::string key = e.type + '\n' + e.id;
        const auto [it, fresh] = index_.try_emplace(key, entities_.size());
        if (fresh) {
            entities_.push_back(std::move(e));
            return it->second;
        }
        Entity& known = entities_[it->second];
        for (auto& f : e.fields)
            if (!known.field(f.first)) known.fields.push_back(std::move(f));
        for (auto& r : e.refs) link(it->second, r.first, r.second);
        if (known.modified.empty()) known.modified = e.modified;
        if (known.api_modified.empty()) known.api_modified = e.api_modified;
        known.deleted = known.deleted || e.deleted;
        return it->second;
    }

    void link(std::size_t from, const std::string& relation, const std::string& target) {
        if (target.empty()) return;
        Entity& e = entities_[from];
        for (const auto& r : e.refs)
            if (r.first == relation && r.second == target) return;
        e.refs.emplace_back(relation, target);
    }

    void index_references() {
        for (std::size_t i = 0; i < entities_.size(); ++i)
            for (const auto& [relation, target] : entities_[i].refs)
                reverse_[entities_[i].type + '\n' + relation + '\n' + target].push_back(i);
    }

    const Entity& at(std::size_t i) const { return entities_[i]; }
    std::size_t size() const { return entities_.size(); }

    std::optional<Entity> by_id(std::string_view type, std::string_view id) const override {
        const auto it = index_.find(std::string(type) + '\n' + std::string(id));
        if (it == index_.end()) return std::nullopt;
        return entities_[it->second];
    }

    std::vector<Entity> referring(std::string_view type, std::string_view relation,
                                  std::string_view target) const override {
        std::vector<Entity> out;
        const auto it = reverse_.find(std::string(type) + '\n' + std::string(relation) + '\n' + std::string(target));
        if (it != reverse_.end())
            for (std::size_t i : it->second) out.push_back(entities_[i]);
        return out;
    }

private:
    std::vector<Entity> entities_;
    std::unordered_map<std::string, std::size_t> index_;
    std::unordered_map<std::string, std::vector<std::size_t>> reverse_;
};

// The entity type behind a navigation property.
std::string type_of_navigation(std::string_view name) {
    if (name == "HuidigeDocumentVersie") return "DocumentVersie";
    if (name == "BronDocument" || name == "BijlageDocument") return "Document";
    return std::string(name);
}

// The type of an object that no navigation property names, from the
// properties it has (null or not): enough for the entities a record uses.
std::string guess_type(const std::vector<std::string>& keys) {
    auto has = [&](std::string_view k) { return std::find(keys.begin(), keys.end(), k) != keys.end(); };
    if (has("DocumentNummer")) return "Document";
    if (has("Versienummer") || has("ExterneIdentifier")) return "DocumentVersie";
    if (has("HoogsteVolgnummer") || has("Toevoeging")) return "Kamerstukdossier";
    if (has("Nummer") && (has("GestartOp") || has("Kabinetsappreciatie") || has("Afgedaan"))) return "Zaak";
    if (has("ActorNaam") && has("Relatie") && !has("ActorAfkorting")) return "DocumentActor";
    if (has("FileName") && has("Identifier")) return "DocumentPublicatie";
    return "Onbekend";
}

// "...$metadata#Document(HuidigeDocumentVersie())" -> "Document".
std::string type_from_context(std::string_view context) {
    const auto hash = context.rfind('#');
    if (hash == std::string_view::npos) return {};
    std::string out;
    for (char c : context.substr(hash + 1)) {
        if (!std::isalnum(static_cast<unsigned char>(c))) break;
        out += c;
    }
    return out;
}

// Builds entities straight from the parser's events, without a tree of the
// JSON, and hands on the documents of each record as soon as the record is
// complete. A record is one item of the collection (or the one top-level
// entity) with everything $expand-ed inside it: OData nests the related
// entities it serves, so they never lie in another item. Memory is thus one
// record's entities. Numbers keep the text they were written with.
class EntityHandler {
public:
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);

    explicit EntityHandler(DocumentSink& sink) : sink_(sink) {}

    std::size_t emitted() const { return emitted_; }
    const std::map<std::string, std::size_t>& types() const { return types_; }

    bool on_document_begin(boost::system::error_code&) { return true; }
    bool on_document_end(boost::system::error_code&) { return true; }

    bool on_object_begin(boost::system::error_code&) {
        Frame f;
        f.object = true;
        f.navigation = enclosing_navigation();
        stack_.push_back(std::move(f));
        return true;
    }

    bool on_object_end(std::size_t, boost::system::error_code&) {
        Frame f = std::move(stack_.back());
        stack_.pop_back();
        Entity& e = f.entity;
        // {"@odata.context": ..., "value": [...]} wraps entities; it is none.
        const bool wrapper = e.id.empty() && e.fields.empty() && e.refs.empty() &&
                             std::all_of(f.nested.begin(), f.nested.end(), [](const auto& n) { return n.first == "value"; });
        if (wrapper && stack_.empty()) return true;
        if (e.type.empty()) {
            if (f.navigation.empty() || f.navigation == "value")
                e.type = context_type_.empty() ? guess_type(f.keys) : context_type_;
            else
                e.type = type_of_navigation(f.navigation);
        }
        const bool is_document = e.type == "Document";
        ++types_[e.type];
        const std::size_t me = pool_.add(std::move(e));
        // Nesting is a relation both ways: the parent names the child by the
        // navigation property, the child names the parent by its type.
        for (const auto& [nav, child] : f.nested) {
            const std::string child_id = pool_.at(child).id;
            const std::string parent_type = pool_.at(me).type;
            const std::string parent_id = pool_.at(me).id;
            pool_.link(me, nav, child_id);
            pool_.link(child, parent_type, parent_id);
        }
        if (is_document && seen_.insert(me).second) documents_.push_back(me);
        if (closes_record()) {
            flush();
        } else if (Frame* owner = owning_object()) {
            owner->nested.emplace_back(f.navigation, me);
        }
        return true;
    }

    bool on_array_begin(boost::system::error_code&) {
        Frame f;
        f.navigation = enclosing_navigation();
        stack_.push_back(std::move(f));
        return true;
    }

    bool on_array_end(std::size_t, boost::system::error_code&) {
        stack_.pop_back();
        return true;
    }

    bool on_key_part(boost::json::string_view s, std::size_t, boost::system::error_code&) {
        text_.append(s.data(), s.size());
        return true;
    }
    bool on_key(boost::json::string_view s, std::size_t, boost::system::error_code&) {
        text_.append(s.data(), s.size());
        stack_.back().key = std::move(text_);
        stack_.back().keys.push_back(stack_.back().key);
        text_.clear();
        return true;
    }

    bool on_string_part(boost::json::string_view s, std::size_t, boost::system::error_code&) {
        text_.append(s.data(), s.size());
        return true;
    }
    bool on_string(boost::json::string_view s, std::size_t, boost::system::error_code&) {
        text_.append(s.data(), s.size());
        scalar(std::move(text_), false);
        text_.clear();
        return true;
    }

    bool on_number_part(boost::json::string_view s, boost::system::error_code&) {
        text_.append(s.data(), s.size());
        return true;
    }
    bool on_int64(std::int64_t, boost::json::string_view s, boost::system::error_code&) { return number(s); }
    bool on_uint64(std::uint64_t, boost::json::string_view s, boost::system::error_code&) { return number(s); }
    bool on_double(double, boost::json::string_view s, boost::system::error_code&) { return number(s); }
    bool on_bool(bool b, boost::system::error_code&) {
        scalar(b ? "true" : "false", true);
        return true;
    }
    bool on_null(boost::system::error_code&) { return true; }
    bool on_comment_part(boost::json::string_view, boost::system::error_code&) { return true; }
    bool on_comment(boost::json::string_view, boost::system::error_code&) { return true; }

private:
    struct Frame {
        bool object = false;
        std::string navigation;  // the property holding this object or array ("" at the top)
        std::string key;         // objects: the property being read
        std::vector<std::string> keys;
        Entity entity;
        std::vector<std::pair<std::string, std::size_t>> nested;
    };

    // After an object closed: was it a whole record? The top-level entity,
    // an item of a top-level array, or an item of an OData page's "value".
    bool closes_record() const {
        if (stack_.empty()) return true;
        if (stack_.size() == 1) return !stack_[0].object;
        return stack_.size() == 2 && stack_[0].object && !stack_[1].object && stack_[1].navigation == "value";
    }

    void flush() {
        pool_.index_references();
        for (const std::size_t i : documents_) {
            sink_.accept(to_document(resolve(pool_.at(i), pool_)));
            ++emitted_;
        }
        pool_ = Pool();
        documents_.clear();
        seen_.clear();
    }

    std::string enclosing_navigation() const {
        if (stack_.empty()) return {};
        const Frame& parent = stack_.back();
        return parent.object ? parent.key : parent.navigation;
    }

    // The object a value at the top of the stack belongs to: the top itself,
    // or the object holding the array the value is in.
    Frame* owning_object() {
        for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
            if (it->object) return &*it;
        return nullptr;
    }

    bool number(boost::json::string_view s) {
        text_.append(s.data(), s.size());
        scalar(std::move(text_), true);
        text_.clear();
        return true;
    }

    void scalar(std::string value, bool literal) {
        if (stack_.empty()) return;  // a lone value: no entity
        const bool in_array = !stack_.back().object;
        Frame* owner = owning_object();
        if (!owner) return;
        const std::string& key = in_array ? stack_.back().navigation : owner->key;
        Entity& e = owner->entity;
        if (key == "@odata.context" && stack_.size() == 1) {
            context_type_ = type_from_context(value);
        } else if (key == "@odata.type") {
            const auto dot = value.rfind('.');
            e.type = value.substr(dot == std::string::npos ? 0 : dot + 1);
        } else if (key.find('@') != std::string::npos) {
            // other annotations
        } else if (key == "Id") {
            e.id = std::move(value);
        } else if (key == "Verwijderd") {
            e.deleted = literal && value == "true";
        } else if (key == "GewijzigdOp") {
            e.modified = std::move(value);
        } else if (key == "ApiGewijzigdOp") {
            e.api_modified = std::move(value);
        } else if (key.size() > 3 && key.compare(key.size() - 3, 3, "_Id") == 0) {
            e.refs.emplace_back(key.substr(0, key.size() - 3), std::move(value));
        } else {
            e.fields.emplace_back(key, std::move(value));
        }
    }

    DocumentSink& sink_;
    Pool pool_;
    std::vector<std::size_t> documents_;
    std::unordered_set<std::size_t> seen_;
    std::vector<Frame> stack_;
    std::string text_;
    std::string context_type_;
    std::map<std::string, std::size_t> types_;
    std::size_t emitted_ = 0;
};

// Accepts any JSON: the first pass only checks the text, so no document is
// handed on from an input that turns out to be broken.
struct CheckOnly {
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);
    using ec = boost::system::error_code;
    using sv = boost::json::string_view;
    bool on_document_begin(ec&) { return true; }
    bool on_document_end(ec&) { return true; }
    bool on_object_begin(ec&) { return true; }
    bool on_object_end(std::size_t, ec&) { return true; }
    bool on_array_begin(ec&) { return true; }
    bool on_array_end(std::size_t, ec&) { return true; }
    bool on_key_part(sv, std::size_t, ec&) { return true; }
    bool on_key(sv, std::size_t, ec&) { return true; }
    bool on_string_part(sv, std::size_t, ec&) { return true; }
    bool on_string(sv, std::size_t, ec&) { return true; }
    bool on_number_part(sv, ec&) { return true; }
    bool on_int64(std::int64_t, sv, ec&) { return true; }
    bool on_uint64(std::uint64_t, sv, ec&) { return true; }
    bool on_double(double, sv, ec&) { return true; }
    bool on_bool(bool, ec&) { return true; }
    bool on_null(ec&) { return true; }
    bool on_comment_part(sv, ec&) { return true; }
    bool on_comment(sv, ec&) { return true; }
};

// Runs a Handler (made from `args`) over the whole text, then gives it to
// `done`. Throws Error with the cause and line.
template <class Handler, class Done, class... Args>
void parse_json(std::string_view text, std::uint32_t max_depth, Done&& done, Args&&... args) {
    json::parse_options options;
    options.max_depth = max_depth;
    // Bytes that are not UTF-8 are kept; the host's UTF-8 pass replaces them
    // and warns, so one bad byte does not cost the whole page.
    options.allow_invalid_utf8 = true;
    json::basic_parser<Handler> parser(options, std::forward<Args>(args)...);
    boost::system::error_code ec;
    const std::size_t consumed = parser.write_some(false, text.data(), text.size(), ec);
    if (!ec && consumed < text.size()) ec = json::error::extra_data;
    if (ec) {
        std::string cause = "not valid JSON: " + ec.message();
        if (ec == json::error::incomplete) cause = "the JSON is truncated (it ends inside a value)";
        if (ec == json::error::too_deep)
            cause = "the JSON is nested deeper than " + std::to_string(max_depth) + " levels, the limit";
        if (ec == json::error::exponent_overflow) cause = "a number in the JSON is out of range";
        throw Error(cause + " (line " + std::to_string(line_at(text, consumed)) + ")");
    }
    done(parser.handler());
}

}  // namespace

Identification ODataImporter::do_identify(const Probe& probe) const {
    const std::string head = sniff::ascii_view(probe.head);
    const auto first = head.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || (head[first] != '{' && head[first] != '[')) return {0, {}};
    auto has = [&](const char* s) { return sniff::contains(head, s); };
    if (has("@odata.context") && has("gegevensmagazijn.tweedekamer.nl"))
        return {95, "OData JSON from the Tweede Kamer gegevensmagazijn"};
    if (has("\"DocumentNummer\"") && (has("\"GewijzigdOp\"") || has("\"Verwijderd\"")))
        return {80, "JSON with Tweede Kamer Document entities (DocumentNummer, GewijzigdOp)"};
    if (has("\"Nummer\"") && has("\"Document\"") && has("\"GewijzigdOp\"") && has("\"Verwijderd\""))
        return {70, "JSON with a Tweede Kamer Zaak and its Documents"};
    return {0, {}};
}

void ODataImporter::do_read(const Source& source, DocumentSink& sink) const {
    // Utf8Text handles a byte-order mark and UTF-16 the same way for JSON.
    const Utf8Text text = Utf8Text::decode(source.bytes());
    parse_json<CheckOnly>(text.view(), source.limits().max_depth, [](const CheckOnly&) {});
    std::size_t emitted = 0;
    std::map<std::string, std::size_t> types;
    parse_json<EntityHandler>(
        text.view(), source.limits().max_depth,
        [&](const EntityHandler& h) {
            emitted = h.emitted();
            types = h.types();
        },
        sink);
    if (emitted == 0) {
        std::string summary;
        for (const auto& [t, n] : types) summary += (summary.empty() ? "" : ", ") + std::to_string(n) + " " + t;
        throw Error("the JSON holds no Document entity (" + (summary.empty() ? std::string("no entities") : summary) + ")");
    }
}

}  // namespace stukwerk::tk
