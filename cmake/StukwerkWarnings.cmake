# The project's own code builds warning-free; third-party headers are
# included as SYSTEM so their warnings do not stop the build.
function(stukwerk_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror)
endfunction()
