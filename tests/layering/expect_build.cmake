# Builds one scratch target of tests/layering (cmake -P; see CMakeLists.txt there):
#   -DMISSING=            the build must succeed (a control unit);
#   -DMISSING=HEADER      the build must fail, and the compiler must say that SOURCE's own
#                         #include of HEADER was not found (GCC's or Clang's wording), so an
#                         unrelated error (a typo, a broken header further down) fails the test.
foreach(var BUILD_DIR TARGET SOURCE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "expect_build.cmake needs -D${var}=...")
  endif()
endforeach()

execute_process(COMMAND "${CMAKE_COMMAND}" --build "${BUILD_DIR}" --target "${TARGET}"
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)

if("${MISSING}" STREQUAL "")
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${SOURCE} must compile in its layer, but the build failed (${result}):\n${output}")
  endif()
  message(STATUS "${SOURCE} compiles, as it must")
  return()
endif()

string(REGEX REPLACE "([][+.*()^$?|\\\\])" "\\\\\\1" header "${MISSING}")
string(REGEX REPLACE "([][+.*()^$?|\\\\])" "\\\\\\1" source "${SOURCE}")
set(expected "${source}:[0-9]+:[0-9]+: (fatal )?error: ('${header}' file not found|${header}: No such file or directory)")
if(result EQUAL 0)
  message(FATAL_ERROR "${SOURCE} includes ${MISSING}, which its layer must not see, yet it compiled:\n${output}")
endif()
if(NOT output MATCHES "${expected}")
  message(FATAL_ERROR "${SOURCE} failed to build, but not because ${MISSING} was not found "
                      "(expected /${expected}/):\n${output}")
endif()
message(STATUS "${SOURCE}: ${CMAKE_MATCH_0}")
