# Warnings shared by every planmap target.
add_library(planmap_compiler_options INTERFACE)
target_compile_options(planmap_compiler_options INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wno-unused-parameter>)
