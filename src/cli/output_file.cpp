#include "cli/output_file.hpp"

#include <fstream>

#include "core/error.hpp"
#include "io/atomic_output.hpp"

namespace lb::cli {

void checkOutputFile(const std::string& path) {
    io::AtomicOutput probe(path);  // checks the folder; removes nothing but its own (unwritten) temp name
}

void writeTextFile(const std::string& path, const std::string& text) {
    io::AtomicOutput output(path);
    {
        std::ofstream file(output.tempPath(), std::ios::binary);
        file << text;
        file.flush();
        if (!file) throw core::ProcessingError("cannot write " + path + " (disk full?)");
    }
    output.commit();
}

}  // namespace lb::cli
