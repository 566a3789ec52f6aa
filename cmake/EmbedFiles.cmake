# planmap_embed_files(OUTPUT file.cpp NAMESPACE ns SYMBOL name FILES a b ...)
# Generates a C++ source defining
#   const std::vector<planmap::EmbeddedFile>& ns::name();
# (declared in planmap/layers/EmbeddedFile.h) with each file's base name and
# contents, sorted by name. Used to compile the schema migrations (plain SQL
# under version control) into the library.
function(planmap_embed_files)
  cmake_parse_arguments(E "" "OUTPUT;NAMESPACE;SYMBOL" "FILES" ${ARGN})
  list(SORT E_FILES)
  add_custom_command(
    OUTPUT ${E_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${E_OUTPUT} -DNAMESPACE=${E_NAMESPACE}
            -DSYMBOL=${E_SYMBOL} "-DFILES=${E_FILES}"
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFilesScript.cmake
    DEPENDS ${E_FILES} ${PROJECT_SOURCE_DIR}/cmake/EmbedFilesScript.cmake
    COMMENT "Embedding ${E_SYMBOL}"
    VERBATIM)
endfunction()
