// File-system helpers with the durability the kiosk needs: content and state must
// survive power cuts, so replacing a file means write-temp, fsync, rename, fsync dir.
#pragma once

#include <string>
#include <vector>

namespace kiosk::core::fs {

bool read_file(const std::string& path, std::string* out, std::string* error = nullptr);
bool exists(const std::string& path);
bool is_directory(const std::string& path);
// Names (not paths) of the regular files in `dir` ending with `suffix`, sorted.
std::vector<std::string> list_files(const std::string& dir, const std::string& suffix);
std::string join(const std::string& dir, const std::string& name);
std::string dirname(const std::string& path);
std::string basename(const std::string& path);
// Creates `dir` and its parents (mode 0755); true if it exists afterwards.
bool make_dirs(const std::string& dir, std::string* error = nullptr);
// fsync()s a file or directory.
bool sync_path(const std::string& path, std::string* error = nullptr);
// Renames `from` over `to` and fsyncs the directory of `to`.
bool rename_durably(const std::string& from, const std::string& to, std::string* error = nullptr);
// Writes `data` to `path` atomically: a crash leaves the old file or the new one.
bool write_file_atomically(const std::string& path, const std::string& data, std::string* error = nullptr);
// A path beside `path` for a temporary file, unique within this process.
std::string temp_path_beside(const std::string& path);

}  // namespace kiosk::core::fs
