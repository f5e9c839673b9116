// The one error type plugins throw. The host catches it (and any other
// std::exception) at the plugin boundary and reports "<file>: <message>", so
// a message should name the cause, not the file.
#pragma once

#include <stdexcept>
#include <string>

namespace stukwerk {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace stukwerk
