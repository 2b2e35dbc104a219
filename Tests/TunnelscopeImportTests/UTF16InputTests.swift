import Foundation
import Testing
import TunnelscopeModel

@testable import TunnelscopeImport

/// Windows PowerShell 5 writes `aws … > file.json` as UTF-16 (little-endian, with a byte order
/// mark): such an export is read, with a note, not refused as binary.
@Suite struct UTF16InputTests {
    static let vpcs =
        #"{"Vpcs": [{"VpcId": "vpc-0a1", "CidrBlock": "10.1.0.0/16", "Tags": [{"Key": "Name", "Value": "Zürich 😀"}]}]}"#

    static func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var bytes: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += bigEndian ? pair.reversed() : pair
        }
        return bytes
    }

    @Test(arguments: [(false, true), (true, true), (false, false), (true, false)])
    func utf16ExportsAreRead(bigEndian: Bool, bom: Bool) throws {
        let bytes = Self.utf16("\r\n  " + Self.vpcs, bigEndian: bigEndian, bom: bom)
        let result = Importer.load(files: [InputFile(name: "vpcs.json", bytes: bytes)], origin: "t")
        #expect(result.report.files.first?.outcome == .loaded)
        let vpc = try #require(result.model.vpcs.first)
        #expect(vpc.id == "vpc-0a1" && vpc.tags["Name"] == "Zürich 😀")
        #expect(
            result.report.notes.contains {
                $0.text.hasPrefix("UTF-16 text (\(bigEndian ? "big" : "little")-endian")
            })
    }

    @Test func utf16FromDiskIsReadToo() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.utf16(Self.vpcs, bigEndian: false, bom: true)).write(to: folder.appendingPathComponent("v.json"))
        let result = Importer.load(paths: [folder.path])
        #expect(result.model.vpcs.map(\.id) == ["vpc-0a1"])
    }

    @Test func loneSurrogatesReadAsReplacementCharacters() throws {
        var bytes = Self.utf16(
            #"{"Vpcs": [{"VpcId": "vpc-1", "Tags": [{"Key": "Name", "Value": "a"#, bigEndian: false, bom: true)
        bytes += [0x00, 0xD8]  // a high surrogate with no low one after it
        bytes += Self.utf16(#"b"}]}]}"#, bigEndian: false, bom: false)
        let result = Importer.load(files: [InputFile(name: "v.json", bytes: bytes)], origin: "t")
        #expect(result.model.vpcs.first?.tags["Name"] == "a\u{FFFD}b")
    }

    @Test func binaryWithNULsIsStillNotJSON() {
        for bytes: [UInt8] in [[0x00, 0x01, 0x02, 0x03], [0x7F, 0x00, 0x45, 0x00], [0xFF, 0xFE, 0x41, 0x00]] {
            let result = Importer.load(files: [InputFile(name: "b.bin", bytes: bytes)], origin: "t")
            #expect(result.report.files.first?.outcome == .notJSON, "\(bytes)")
        }
    }
}
