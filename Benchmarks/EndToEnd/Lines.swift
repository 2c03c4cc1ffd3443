import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// CLOCK_MONOTONIC in nanoseconds: the one clock every send and receive instant is read from
/// (adapter, agents and the echo floor all run in this process).
@inline(__always)
func monotonicNanos() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
}

/// Just enough reading of the daemon's lines for the hot path, without a JSON decoder: the daemon
/// writes one object per line with sorted keys and no spaces, and the benchmark chooses every call
/// id and attribute, so looking for `"event":"` or `"call":"` is exact here.
enum Scan {
    /// The index just past the first occurrence of `needle`, or nil.
    @inline(__always)
    static func after(_ needle: StaticString, in line: UnsafeRawBufferPointer) -> Int? {
        let length = needle.utf8CodeUnitCount
        guard line.count >= length, let base = line.baseAddress else { return nil }
        let first = Int32(needle.utf8Start.pointee)
        let last = line.count - length
        var from = 0
        while from <= last {
            guard let hit = memchr(base + from, first, last - from + 1) else { return nil }
            let at = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(base + at, needle.utf8Start, length) == 0 { return at + length }
            from = at + 1
        }
        return nil
    }

    /// The characters of the string value that starts right after `needle` (which ends with `"`).
    @inline(__always)
    static func string(after needle: StaticString, in line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        guard let start = after(needle, in: line) else { return nil }
        var end = start
        while end < line.count, line[end] != UInt8(ascii: "\"") { end += 1 }
        return UnsafeRawBufferPointer(rebasing: line[start..<end])
    }

    @inline(__always)
    static func equals(_ bytes: UnsafeRawBufferPointer, _ literal: StaticString) -> Bool {
        bytes.count == literal.utf8CodeUnitCount && memcmp(bytes.baseAddress!, literal.utf8Start, bytes.count) == 0
    }

    /// The number in a call id `c-123` (any one-letter prefix and a dash), or nil.
    @inline(__always)
    static func callNumber(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard bytes.count > 2, bytes[1] == UInt8(ascii: "-") else { return nil }
        var value = 0
        for index in 2..<bytes.count {
            let digit = Int(bytes[index]) - 48
            guard digit >= 0, digit <= 9 else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// The numeric `id` of a reply, or nil.
    @inline(__always)
    static func replyID(_ line: UnsafeRawBufferPointer) -> Int64? {
        guard var index = after("\"id\":", in: line) else { return nil }
        var value: Int64 = 0
        var digits = 0
        while index < line.count {
            let digit = Int64(line[index]) - 48
            guard digit >= 0, digit <= 9 else { break }
            value = value * 10 + digit
            digits += 1
            index += 1
        }
        return digits > 0 ? value : nil
    }

    static func text(_ line: UnsafeRawBufferPointer) -> String {
        String(decoding: line, as: UTF8.self)
    }
}

/// Splits a byte stream into lines and hands each to `body` without copying it out.
struct LineSplitter {
    private var pending = ByteBuffer()

    /// Appends `incoming` and calls `body` for every complete line (without its `\n`).
    mutating func feed(_ incoming: inout ByteBuffer, _ body: (UnsafeRawBufferPointer) -> Void) {
        pending.writeBuffer(&incoming)
        while true {
            let handled: Int? = pending.withUnsafeReadableBytes { raw in
                guard let base = raw.baseAddress, let hit = memchr(base, Int32(UInt8(ascii: "\n")), raw.count) else {
                    return nil
                }
                let length = base.distance(to: UnsafeRawPointer(hit))
                body(UnsafeRawBufferPointer(rebasing: raw[0..<length]))
                return length + 1
            }
            guard let handled else { break }
            pending.moveReaderIndex(forwardBy: handled)
        }
        if pending.readableBytes == 0 {
            pending.clear()
        } else if pending.readerIndex > 65_536 {
            pending.discardReadBytes()
        }
    }
}

extension ByteBuffer {
    /// Writes a non-negative integer in decimal.
    @inline(__always)
    mutating func writeDecimal(_ value: Int64) {
        if value < 10 {
            writeInteger(UInt8(48 + value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { raw in
            while rest > 0 {
                raw[19 - count] = UInt8(48 + rest % 10)
                rest /= 10
                count += 1
            }
            writeBytes(UnsafeRawBufferPointer(rebasing: raw[(20 - count)...]))
        }
    }
}
