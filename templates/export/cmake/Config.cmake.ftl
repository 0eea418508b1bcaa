<#-- What find_package([=prefix]) reads. -->
# [=banner]
# find_package([=prefix] CONFIG) gives the target [=prefix]::model.
include("${CMAKE_CURRENT_LIST_DIR}/[=prefix]Targets.cmake")
