// The binary contract between the stukwerk host and its plugins.
//
// Plugins and host share C++ types (std::string, std::vector, virtual
// classes) across the shared-library boundary, so both must come from the
// same compiler family and standard library. Two numbers guard that:
//
//  * STUKWERK_ABI_VERSION changes whenever a type in the SDK changes layout
//    or a virtual function is added, removed or reordered. A plugin built
//    against another value is refused before any of its code runs.
//  * STUKWERK_TOOLCHAIN names the compiler family, its major version, the
//    standard library and its string ABI. A plugin built with an
//    incompatible toolchain is refused the same way.
//
// Stability promise: within one ABI version, additions are only made in ways
// that keep old plugins working (new free functions, new enum values that
// plugins may ignore). Anything else bumps the number.
#pragma once

#define STUKWERK_ABI_VERSION 3

#define STUKWERK_STR2_(x) #x
#define STUKWERK_STR_(x) STUKWERK_STR2_(x)

#if defined(__clang__)
#define STUKWERK_COMPILER_ "clang-" STUKWERK_STR_(__clang_major__)
#elif defined(__GNUC__)
#define STUKWERK_COMPILER_ "gcc-" STUKWERK_STR_(__GNUC__)
#else
#define STUKWERK_COMPILER_ "unknown"
#endif

#if defined(_LIBCPP_VERSION)
#define STUKWERK_STDLIB_ "libc++"
#elif defined(__GLIBCXX__)
#if defined(_GLIBCXX_USE_CXX11_ABI) && _GLIBCXX_USE_CXX11_ABI
#define STUKWERK_STDLIB_ "libstdc++-cxx11"
#else
#define STUKWERK_STDLIB_ "libstdc++-old"
#endif
#else
#define STUKWERK_STDLIB_ "unknown"
#endif

// clang and gcc share the Itanium C++ ABI and libstdc++ on Linux, so the
// toolchain tag names the standard library only; the compiler is reported
// for diagnostics (see stukwerk::compiler_name()).
#define STUKWERK_TOOLCHAIN STUKWERK_STDLIB_

namespace stukwerk {

inline constexpr int abi_version = STUKWERK_ABI_VERSION;
inline constexpr const char* toolchain = STUKWERK_TOOLCHAIN;
inline constexpr const char* compiler_name = STUKWERK_COMPILER_;

}  // namespace stukwerk
