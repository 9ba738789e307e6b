#include "support/test_support.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace lb::test {

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "lagebild-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    m_path = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(m_path, std::filesystem::perms::owner_all, ec);
    std::filesystem::remove_all(m_path, ec);
}

std::filesystem::path fixture(const std::string& relative) {
    return std::filesystem::path(LAGEBILD_FIXTURES_DIR) / relative;
}

void writeFile(const std::filesystem::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::uint64_t fileDigest(const std::filesystem::path& path) {
    const std::string bytes = readFile(path);
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (unsigned char c : bytes) {
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
    return hash ^ bytes.size();
}

RunResult runProgram(const std::string& program, const std::vector<std::string>& args, int asUser) {
    TempDir capture;
    if (asUser >= 0) std::filesystem::permissions(capture.path(), std::filesystem::perms::all);
    const auto outPath = capture / "stdout";
    const auto errPath = capture / "stderr";
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        const int out = ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = ::open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int devnull = ::open("/dev/null", O_RDONLY);
        ::dup2(out, 1);
        ::dup2(err, 2);
        ::dup2(devnull, 0);
        if (asUser >= 0 && (::setgid(static_cast<gid_t>(asUser)) != 0 || ::setuid(static_cast<uid_t>(asUser)) != 0)) {
            ::_exit(126);
        }
        std::vector<char*> argv;
        argv.push_back(const_cast<char*>(program.c_str()));
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execvp(program.c_str(), argv.data());
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    RunResult result;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = readFile(outPath);
    result.err = readFile(errPath);
    return result;
}

RunResult runLagebild(const std::vector<std::string>& args) {
    return runProgram(LAGEBILD_BINARY, args);
}

std::string osmBuildingsXml(int n, int perRow) {
    std::string xml = "<?xml version=\"1.0\"?>\n<osm version=\"0.6\">\n";
    for (int i = 0; i < n; ++i) {
        const double lat = 50.80 + (i / perRow) * 0.0002, lon = 12.50 + (i % perRow) * 0.0003;
        for (int k = 0; k < 4; ++k) {
            xml += "<node id=\"" + std::to_string(i * 4 + k + 1) + "\" lat=\"" +
                   std::to_string(lat + (k / 2) * 0.0001) + "\" lon=\"" +
                   std::to_string(lon + ((k == 1 || k == 2) ? 0.0001 : 0.0)) + "\"/>\n";
        }
    }
    for (int i = 0; i < n; ++i) {
        const int a = i * 4 + 1;
        xml += "<way id=\"" + std::to_string(i + 1) + "\"><nd ref=\"" + std::to_string(a) + "\"/><nd ref=\"" +
               std::to_string(a + 1) + "\"/><nd ref=\"" + std::to_string(a + 2) + "\"/><nd ref=\"" +
               std::to_string(a + 3) + "\"/><nd ref=\"" + std::to_string(a) +
               "\"/><tag k=\"building\" v=\"yes\"/></way>\n";
    }
    xml += "</osm>\n";
    return xml;
}

bool inCi() {
    const char* ci = std::getenv("CI");
    return ci && std::string(ci) == "true";
}

bool haveProgram(const std::string& program) {
    return runProgram("sh", {"-c", "command -v " + program + " >/dev/null"}).exitCode == 0;
}

}  // namespace lb::test
