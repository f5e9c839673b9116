// An ordinary shared library with no stukwerk symbols.
extern "C" int plain_library_answer() { return 42; }
