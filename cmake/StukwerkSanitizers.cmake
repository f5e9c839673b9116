# One switch for the AddressSanitizer + UndefinedBehaviorSanitizer build.
# Applied globally so that host, plugins and tests agree: a plugin built
# without ASan loaded into an ASan host hides the errors this build is for.
if(STUKWERK_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
  add_compile_definitions(STUKWERK_SANITIZE=1)
endif()
