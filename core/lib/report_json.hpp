// One input's report as a JSON object: a line of `--report` and of the
// messages between the batch engine and its worker processes.
#pragma once

#include <boost/json/value.hpp>

#include "pipeline.hpp"

namespace stukwerk::core {

boost::json::object report_to_json(const InputReport& r);
InputReport report_from_json(const boost::json::value& v);  // throws stukwerk::Error

InputStatus status_from_string(std::string_view s);

}  // namespace stukwerk::core
