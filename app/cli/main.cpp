// planmap-cli: dispatches to the commands registered in app/cli/cmd_*.cpp
// (see Command.h).
#include "Command.h"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    std::ios::sync_with_stdio(true);
    const std::vector<std::string> words(argv + 1, argv + argc);
    return planmap::cli::runCommandLine(words, std::cout, std::cerr);
}
