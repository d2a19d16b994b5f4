import GRDB

extension LineageStore {
    /// The organizations users added to this store's registry, by namespace.
    public func organizations() throws(StoreError) -> [OrganizationRow] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT namespace, name, country, kind, source, evidence FROM organization ORDER BY namespace COLLATE NOCASE")
                .map { OrganizationRow(namespace: $0[0], name: $0[1], country: $0[2], kind: $0[3], source: $0[4], evidence: $0[5]) }
        }
    }

    /// The suppliers named by the store's projects (`metadata.component.supplier.name` of their BOMs), sorted.
    public func projectSuppliers() throws(StoreError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT author FROM downstream WHERE kind = 'project' AND author IS NOT NULL ORDER BY author COLLATE NOCASE
                """)
        }
    }

    /// Adds or replaces `rows` (matched by namespace, case-insensitive) in one transaction: all or nothing.
    public func upsertOrganizations(_ rows: [OrganizationRow], at time: Int64) throws(StoreError) {
        do {
            try queue.write { db in
                for row in rows {
                    try db.execute(sql: """
                        INSERT INTO organization (namespace, name, country, kind, source, evidence, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (namespace) DO UPDATE SET namespace = excluded.namespace, name = excluded.name,
                        country = excluded.country, kind = excluded.kind, source = excluded.source, evidence = excluded.evidence,
                        added_at = excluded.added_at
                        """, arguments: [row.namespace, row.name, row.country, row.kind, row.source, row.evidence, time])
                }
            }
        } catch {
            throw StoreError.wrapping(error, path: path, action: "write failed")
        }
    }

    /// Removes the user's row for `namespace`; whether there was one.
    public func removeOrganization(namespace: String) throws(StoreError) -> Bool {
        do {
            return try queue.write { db in
                try db.execute(sql: "DELETE FROM organization WHERE namespace = ?", arguments: [namespace])
                return db.changesCount > 0
            }
        } catch {
            throw StoreError.wrapping(error, path: path, action: "write failed")
        }
    }
}
