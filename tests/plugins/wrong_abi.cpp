// A plugin built for another ABI version. The host must refuse it without
// calling anything but stukwerk_abi_version; its manifest aborts if called.
#include <cstdlib>

#include <stukwerk/plugin.hpp>

namespace wrong_abi {
int abi_version() { return 999; }
const char* toolchain() { return STUKWERK_TOOLCHAIN; }
stukwerk::Manifest manifest() { std::abort(); }
}  // namespace wrong_abi

BOOST_DLL_ALIAS(wrong_abi::abi_version, stukwerk_abi_version)
BOOST_DLL_ALIAS(wrong_abi::toolchain, stukwerk_toolchain)
BOOST_DLL_ALIAS(wrong_abi::manifest, stukwerk_manifest)
