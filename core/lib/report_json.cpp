#include "report_json.hpp"

#include <boost/json.hpp>

#include <stukwerk/error.hpp>

namespace stukwerk::core {
namespace bj = boost::json;

namespace {

bj::array strings(const std::vector<std::string>& v) {
    bj::array a;
    for (const std::string& s : v) a.emplace_back(s);
    return a;
}

std::vector<std::string> strings_from(const bj::object& o, std::string_view key) {
    std::vector<std::string> out;
    if (const bj::value* v = o.if_contains(key))
        for (const bj::value& s : v->as_array()) out.emplace_back(s.as_string());
    return out;
}

std::string string_at(const bj::object& o, std::string_view key) {
    const bj::value* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

}  // namespace

InputStatus status_from_string(std::string_view s) {
    for (InputStatus st : {InputStatus::ok, InputStatus::failed, InputStatus::skipped, InputStatus::timeout,
                           InputStatus::crashed})
        if (s == to_string(st)) return st;
    throw Error("unknown input status '" + std::string(s) + "'");
}

bj::object report_to_json(const InputReport& r) {
    bj::object o;
    o["path"] = r.path;
    o["status"] = to_string(r.status);
    o["documents"] = strings(r.documents);
    o["outputs"] = strings(r.outputs);
    o["importer"] = bj::object{{"name", r.importer}, {"version", r.importer_version}};
    if (!r.sha256.empty()) o["sha256"] = r.sha256;
    o["seconds"] = r.seconds;
    if (!r.error.empty()) o["error"] = r.error;
    if (!r.warnings.empty()) o["warnings"] = strings(r.warnings);
    return o;
}

InputReport report_from_json(const bj::value& v) {
    try {
        const bj::object& o = v.as_object();
        InputReport r;
        r.path = string_at(o, "path");
        r.status = status_from_string(o.at("status").as_string());
        r.documents = strings_from(o, "documents");
        r.outputs = strings_from(o, "outputs");
        const bj::object& imp = o.at("importer").as_object();
        r.importer = string_at(imp, "name");
        r.importer_version = string_at(imp, "version");
        r.sha256 = string_at(o, "sha256");
        r.seconds = o.at("seconds").to_number<double>();
        r.error = string_at(o, "error");
        r.warnings = strings_from(o, "warnings");
        return r;
    } catch (const std::exception& e) {
        throw Error(std::string("malformed input report: ") + e.what());
    }
}

}  // namespace stukwerk::core
