#include "serd_writer.hpp"

#include <cstdarg>
#include <cstdio>
#include <map>
#include <memory>

#include <serd/serd.h>

#include <stukwerk/error.hpp>

#include "vocabulary.hpp"

namespace stukwerk::plugins::rdf {
namespace {

// A node viewing `text`, which must outlive it (serd does not copy here).
SerdNode node(SerdType type, std::string_view text) {
    return serd_node_from_substring(type, reinterpret_cast<const uint8_t*>(text.data()), text.size());
}

size_t append_to_string(const void* buf, size_t len, void* stream) {
    static_cast<std::string*>(stream)->append(static_cast<const char*>(buf), len);
    return len;
}

SerdStatus collect_error(void* handle, const SerdError* error) {
    char message[512];
    std::vsnprintf(message, sizeof message, error->fmt, *error->args);
    std::string& errors = *static_cast<std::string*>(handle);
    if (errors.empty()) errors = message;
    while (!errors.empty() && errors.back() == '\n') errors.pop_back();
    return SERD_SUCCESS;
}

// One serd writer on an environment that knows the prefixes, writing into a
// string; serd's own complaints are gathered and thrown.
class Writer {
public:
    explicit Writer(Syntax syntax) {
        env_.reset(serd_env_new(nullptr));
        for (const vocab::Prefix& p : vocab::prefixes) {
            const SerdNode name = node(SERD_LITERAL, p.name), uri = node(SERD_URI, p.iri);
            serd_env_set_prefix(env_.get(), &name, &uri);
        }
        const auto style = syntax == Syntax::turtle ? static_cast<SerdStyle>(SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED)
                                                    : static_cast<SerdStyle>(0);
        writer_.reset(serd_writer_new(syntax == Syntax::turtle ? SERD_TURTLE : SERD_NTRIPLES, style, env_.get(),
                                      nullptr, append_to_string, &out_));
        serd_writer_set_error_sink(writer_.get(), collect_error, &errors_);
    }

    SerdWriter* get() { return writer_.get(); }

    std::string finish() {
        serd_writer_finish(writer_.get());
        if (!errors_.empty()) throw Error("the RDF writer (serd) refused a value: " + errors_);
        return std::move(out_);
    }

private:
    struct EnvFree {
        void operator()(SerdEnv* e) const { serd_env_free(e); }
    };
    struct WriterFree {
        void operator()(SerdWriter* w) const { serd_writer_free(w); }
    };
    std::string out_;
    std::string errors_;
    std::unique_ptr<SerdEnv, EnvFree> env_;
    std::unique_ptr<SerdWriter, WriterFree> writer_;
};

}  // namespace

std::string prefix_header(Syntax syntax) {
    if (syntax != Syntax::turtle) return {};
    Writer w(syntax);
    for (const vocab::Prefix& p : vocab::prefixes) {
        const SerdNode name = node(SERD_LITERAL, p.name), uri = node(SERD_URI, p.iri);
        serd_writer_set_prefix(w.get(), &name, &uri);
    }
    return w.finish() + "\n";
}

std::string write_statements(const Graph& graph, Syntax syntax) {
    // serd abbreviates only consecutive statements about one subject.
    std::vector<std::string_view> order;
    std::map<std::string_view, std::vector<const Triple*>> by_subject;
    for (const Triple& t : graph) {
        auto& list = by_subject[t.subject];
        if (list.empty()) order.push_back(t.subject);
        list.push_back(&t);
    }
    Writer w(syntax);
    for (std::string_view subject : order)
        for (const Triple* t : by_subject[subject]) {
            const SerdNode s = node(SERD_URI, t->subject), p = node(SERD_URI, t->predicate);
            const Term& o = t->object;
            const SerdNode object = node(o.kind == Term::Kind::iri ? SERD_URI : SERD_LITERAL, o.value);
            const SerdNode datatype = node(SERD_URI, o.datatype), language = node(SERD_LITERAL, o.language);
            serd_writer_write_statement(w.get(), 0, nullptr, &s, &p, &object, o.datatype.empty() ? nullptr : &datatype,
                                        o.language.empty() ? nullptr : &language);
        }
    return w.finish();
}

}  // namespace stukwerk::plugins::rdf
