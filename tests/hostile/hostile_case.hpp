// One hostile input through the CLI under observation, and what must come
// out: an error (exit 1, one line naming the file and the cause, nothing in
// the output folder) or a result (exit 0, one document whose facts a check
// confirms). Both: no connect(), no open of /etc/passwd, no write outside
// the output folder, the working folder holds nothing else, and the input
// folder is as it was.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "observed_run.hpp"

namespace stukwerk::test::hostile {

struct Expect {
    std::string importer;            // forced with -f; "" lets detection choose
    std::string by;                  // the importer that must answer ("" for the host's own refusals)
    bool ok = false;                 // a result, else an error
    std::vector<std::string> cause;  // for an error: words its message must hold
    // For a result: checks on the document (its JSON) and its JSON text.
    std::function<void(const boost::json::object& doc, const std::string& text)> check;
};

// Runs `input` (already written to `in_dir`) as `expect` says and checks
// everything above; `label` names the case in failure messages.
void expect_behaviour(const fs::path& base, const fs::path& input, const Expect& expect, const std::string& label);

// Every string value of the document's body and title, joined by newlines.
std::string all_text(const boost::json::object& doc);
bool has_warning(const boost::json::object& doc, const std::string& code);

}  // namespace stukwerk::test::hostile
