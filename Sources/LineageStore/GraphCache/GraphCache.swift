import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A binary copy of a store's `GraphData` beside the store file (`<store>.graph-cache`), so commands
/// load the graph with a few bulk reads instead of a scan of SQLite.
///
/// The cache records the identity of the store it was made from, read inside the same read transaction
/// as the data: the SQLite file header (bytes 0–99, which hold the file-change counter that every commit
/// increments in rollback-journal mode, and the page count), the file size, the applied migrations and the
/// snapshots' content hashes. A cache whose identity differs, whose format version, byte order or word
/// size differ, or which is truncated or fails a checksum is ignored and rebuilt: it never serves stale
/// data and never crashes. It is written to a temporary file and renamed into place; write failures
/// (a read-only directory) are ignored. Stores in memory and stores in WAL mode get no cache.
public enum GraphCache {
    /// Bumped whenever the layout of the file or of `GraphData` changes (2: edge provenance).
    static let formatVersion: UInt32 = 2
    static let magic: [UInt8] = Array("LNGRAPHC".utf8)

    /// The cache file of the store at `storePath`, or nil for a store in memory.
    public static func path(forStore storePath: String) -> String? {
        storePath == ":memory:" || storePath.isEmpty ? nil : storePath + ".graph-cache"
    }

    /// The identity of the store as seen from the read transaction `db`: nil when the store can have
    /// no cache (in memory, WAL mode, header unreadable).
    /// - Complexity: a few small queries, one snapshot row each, and a 100-byte read.
    static func identity(_ db: Database, storePath: String) throws -> [UInt8]? {
        guard path(forStore: storePath) != nil else { return nil }
        // Any statement takes the shared lock (and rolls back a hot journal) before the header is read;
        // the lock keeps writers out until the transaction ends, so header and data agree.
        let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode")?.lowercased() ?? ""
        guard ["delete", "truncate", "persist"].contains(mode) else { return nil }
        let migrations = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        let snapshots = try String.fetchAll(db, sql: "SELECT id || ':' || content_sha256 FROM snapshot ORDER BY id")
        let fd = open(storePath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var header = [UInt8](repeating: 0, count: 100)
        let got = header.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 100, 0) }
        guard got == 100 else { return nil }
        var identity = header
        withUnsafeBytes(of: Int64(info.st_size).littleEndian) { identity.append(contentsOf: $0) }
        identity.append(contentsOf: (migrations.joined(separator: ",") + "|" + snapshots.joined(separator: ",")).utf8)
        return identity
    }

    // MARK: - Reading

    /// The cached graph of the store at `storePath` when the cache exists and matches `identity`, else nil.
    /// - Complexity: O(file size): one `read` per column, one checksum pass, one `String` per name.
    static func load(storePath: String, identity: [UInt8]) -> GraphData? {
        guard let cachePath = path(forStore: storePath) else { return nil }
        let fd = open(cachePath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var reader = GraphCacheReader(fd: fd, size: Int(info.st_size))
        guard let fixed = reader.raw(prologueSize), fixed == prologue(identityCount: identity.count),
              let stored = reader.section(UInt8.self), stored == identity,
              let data = decode(&reader), reader.remaining == 0
        else { return nil }
        return data
    }

    // MARK: - Writing

    /// Writes `data` as the cache of the store at `storePath`, atomically; returns whether it did.
    /// Failures (read-only directory, full disk) leave any previous cache in place and are not errors.
    /// - Complexity: O(file size).
    @discardableResult
    static func save(_ data: GraphData, storePath: String, identity: [UInt8]) -> Bool {
        guard let cachePath = path(forStore: storePath) else { return false }
        var suffix: UInt64 = 0
        withUnsafeMutableBytes(of: &suffix) { _ = getentropy($0.baseAddress, 8) }
        let temporary = cachePath + ".tmp-\(getpid())-\(String(suffix, radix: 16))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        var writer = GraphCacheWriter(fd: fd)
        prologue(identityCount: identity.count).withUnsafeBytes { writer.writeRaw($0) }
        writer.section(identity)
        encode(data, into: &writer)
        let closed = close(fd) == 0
        guard !writer.failed, closed, rename(temporary, cachePath) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Removes the cache of the store at `storePath`, if any.
    public static func remove(storePath: String) {
        if let cachePath = path(forStore: storePath) { unlink(cachePath) }
    }

    // MARK: - Prologue

    /// Magic, format version, a byte-order probe, the word size and the identity's length: 32 bytes.
    static let prologueSize = 32

    static func prologue(identityCount: Int) -> [UInt8] {
        var bytes = magic
        func put<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) } }
        put(formatVersion)
        put(UInt32(0x0102_0304))  // native order: a cache from the other byte order does not match
        put(UInt32(MemoryLayout<Int>.size))
        put(UInt32(0))
        put(UInt64(identityCount))
        return bytes
    }
}
