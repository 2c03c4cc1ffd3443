/// An ordered set of unique elements with O(log n) insert, remove, minimum and rank.
///
/// The routing engine keeps its waiting calls and its ready agents in these, so that a decision
/// reads the head of an index instead of scanning, and a caller's position is a rank query.
/// swift-collections offers `Heap` (no removal of an arbitrary element, no rank) and `SortedSet`
/// only behind its unstable trait, so this is a small treap: nodes live in one array, children are
/// array positions, each node knows the size of its subtree, and node priorities come from a
/// fixed-seed generator so the shape, like everything in the engine, is reproducible.
struct OrderedIndex<Element: Comparable & Sendable & Codable>: Sendable, Codable {
    private struct Node: Sendable, Codable {
        var element: Element
        var priority: UInt64
        var left: Int32
        var right: Int32
        var size: Int32
    }

    private static var none: Int32 { -1 }

    private var nodes: [Node] = []
    private var freeSlots: [Int32] = []
    private var root: Int32 = OrderedIndex.none
    private var random = SplitMix64(seed: 0x5EED_1DE7)
    /// The smallest element, kept so that reading the head of a line costs nothing.
    private(set) var first: Element?

    init() {}

    /// The number of elements.
    var count: Int { root == Self.none ? 0 : Int(nodes[Int(root)].size) }

    var isEmpty: Bool { root == Self.none }

    /// Inserts `element`; returns false, changing nothing, when an equal element is present.
    @discardableResult
    mutating func insert(_ element: Element) -> Bool {
        if contains(element) { return false }
        let slot = allocate(element)
        let root = root
        self.root = nodes.withUnsafeMutableBufferPointer { buffer in
            Self.insert(buffer.baseAddress!, slot, into: root)
        }
        if let current = first, !(element < current) { return true }
        first = element
        return true
    }

    /// Removes the element equal to `element`; returns false when there is none.
    @discardableResult
    mutating func remove(_ element: Element) -> Bool {
        var root = root
        let removed = nodes.withUnsafeMutableBufferPointer { buffer -> Int32 in
            let nodes = buffer.baseAddress!
            var parent = Self.none
            var node = root
            while node != Self.none {
                let current = nodes[Int(node)].element
                if element < current {
                    parent = node
                    node = nodes[Int(node)].left
                } else if current < element {
                    parent = node
                    node = nodes[Int(node)].right
                } else {
                    break
                }
            }
            guard node != Self.none else { return Self.none }
            let replacement = Self.merge(nodes, nodes[Int(node)].left, nodes[Int(node)].right)
            if parent == Self.none {
                root = replacement
            } else if nodes[Int(parent)].left == node {
                nodes[Int(parent)].left = replacement
            } else {
                nodes[Int(parent)].right = replacement
            }
            // Sizes shrink by one on the path from the root to the removed node's parent.
            var walker = root
            while walker != Self.none, walker != replacement {
                nodes[Int(walker)].size -= 1
                walker = element < nodes[Int(walker)].element ? nodes[Int(walker)].left : nodes[Int(walker)].right
            }
            return node
        }
        guard removed != Self.none else { return false }
        self.root = root
        freeSlots.append(removed)
        if let current = first, !(element < current), !(current < element) {
            first = leftmost()
        }
        return true
    }

    func contains(_ element: Element) -> Bool {
        var node = root
        while node != Self.none {
            let current = nodes[Int(node)].element
            if element < current {
                node = nodes[Int(node)].left
            } else if current < element {
                node = nodes[Int(node)].right
            } else {
                return true
            }
        }
        return false
    }

    /// The number of elements smaller than `element`, whether or not it is present.
    func rank(of element: Element) -> Int {
        var smaller = 0
        var node = root
        while node != Self.none {
            let current = nodes[Int(node)]
            if current.element < element {
                smaller += Int(size(current.left)) + 1
                node = current.right
            } else {
                node = current.left
            }
        }
        return smaller
    }

    /// The element with `offset` smaller elements (0 = the first).
    func element(atOffset offset: Int) -> Element? {
        guard offset >= 0, offset < count else { return nil }
        var remaining = Int32(offset)
        var node = root
        while node != Self.none {
            let leftSize = size(nodes[Int(node)].left)
            if remaining < leftSize {
                node = nodes[Int(node)].left
            } else if remaining == leftSize {
                return nodes[Int(node)].element
            } else {
                remaining -= leftSize + 1
                node = nodes[Int(node)].right
            }
        }
        return nil
    }

    /// The elements in increasing order, stopping after `limit` of them.
    func prefix(_ limit: Int) -> [Element] {
        var result: [Element] = []
        result.reserveCapacity(Swift.min(limit, count))
        var stack: [Int32] = []
        var node = root
        while result.count < limit, node != Self.none || !stack.isEmpty {
            while node != Self.none {
                stack.append(node)
                node = nodes[Int(node)].left
            }
            let next = stack.removeLast()
            result.append(nodes[Int(next)].element)
            node = nodes[Int(next)].right
        }
        return result
    }

    /// All elements in increasing order.
    var elements: [Element] { prefix(count) }

    // MARK: Treap mechanics

    private func leftmost() -> Element? {
        var node = root
        guard node != Self.none else { return nil }
        while nodes[Int(node)].left != Self.none { node = nodes[Int(node)].left }
        return nodes[Int(node)].element
    }

    private func size(_ node: Int32) -> Int32 {
        node == Self.none ? 0 : nodes[Int(node)].size
    }

    private static func size(_ nodes: UnsafeMutablePointer<Node>, _ node: Int32) -> Int32 {
        node == none ? 0 : nodes[Int(node)].size
    }

    private static func update(_ nodes: UnsafeMutablePointer<Node>, _ node: Int32) {
        nodes[Int(node)].size = 1 + size(nodes, nodes[Int(node)].left) + size(nodes, nodes[Int(node)].right)
    }

    /// Inserts the node `slot` into the subtree at `node`: down the tree while the nodes have a
    /// higher priority, then the subtree there is split around it. Returns the subtree's new root.
    private static func insert(_ nodes: UnsafeMutablePointer<Node>, _ slot: Int32, into node: Int32) -> Int32 {
        guard node != none else { return slot }
        if nodes[Int(slot)].priority > nodes[Int(node)].priority {
            let (lower, upper) = split(nodes, node, before: nodes[Int(slot)].element)
            nodes[Int(slot)].left = lower
            nodes[Int(slot)].right = upper
            update(nodes, slot)
            return slot
        }
        if nodes[Int(slot)].element < nodes[Int(node)].element {
            nodes[Int(node)].left = insert(nodes, slot, into: nodes[Int(node)].left)
        } else {
            nodes[Int(node)].right = insert(nodes, slot, into: nodes[Int(node)].right)
        }
        nodes[Int(node)].size += 1
        return node
    }

    /// Splits the subtree at `node` into the elements smaller than `pivot` and the rest.
    private static func split(_ nodes: UnsafeMutablePointer<Node>, _ node: Int32, before pivot: Element) -> (Int32, Int32) {
        guard node != none else { return (none, none) }
        if nodes[Int(node)].element < pivot {
            let (lower, upper) = split(nodes, nodes[Int(node)].right, before: pivot)
            nodes[Int(node)].right = lower
            update(nodes, node)
            return (node, upper)
        } else {
            let (lower, upper) = split(nodes, nodes[Int(node)].left, before: pivot)
            nodes[Int(node)].left = upper
            update(nodes, node)
            return (lower, node)
        }
    }

    /// Joins two subtrees where every element of `lower` is smaller than every element of `upper`.
    private static func merge(_ nodes: UnsafeMutablePointer<Node>, _ lower: Int32, _ upper: Int32) -> Int32 {
        if lower == none { return upper }
        if upper == none { return lower }
        if nodes[Int(lower)].priority > nodes[Int(upper)].priority {
            nodes[Int(lower)].right = merge(nodes, nodes[Int(lower)].right, upper)
            update(nodes, lower)
            return lower
        } else {
            nodes[Int(upper)].left = merge(nodes, lower, nodes[Int(upper)].left)
            update(nodes, upper)
            return upper
        }
    }

    private mutating func allocate(_ element: Element) -> Int32 {
        let node = Node(element: element, priority: random.next(), left: Self.none, right: Self.none, size: 1)
        if let slot = freeSlots.popLast() {
            nodes[Int(slot)] = node
            return slot
        }
        nodes.append(node)
        return Int32(nodes.count - 1)
    }

}

/// Packed node for node, so the decoded treap has the very shape and generator of the original.
extension OrderedIndex: PackedValue, PackedBlock where Element: PackedValue {
    func pack(into writer: inout PackedWriter) {
        writer.writeVarint(UInt64(nodes.count))
        for node in nodes {
            node.element.pack(into: &writer)
            writer.writeFixed64(node.priority)
            node.left.pack(into: &writer)
            node.right.pack(into: &writer)
            node.size.pack(into: &writer)
        }
        freeSlots.pack(into: &writer)
        root.pack(into: &writer)
        random.pack(into: &writer)
        first.pack(into: &writer)
    }

    init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        let count = try reader.readCount()
        nodes.reserveCapacity(count)
        for _ in 0..<count {
            let element = try Element(unpacking: &reader)
            let priority = try reader.readFixed64()
            let left = try Int32(unpacking: &reader)
            let right = try Int32(unpacking: &reader)
            let size = try Int32(unpacking: &reader)
            guard left == Self.none || (0..<count).contains(Int(left)), right == Self.none || (0..<count).contains(Int(right)) else {
                throw reader.corrupted("a node's child out of range")
            }
            nodes.append(Node(element: element, priority: priority, left: left, right: right, size: size))
        }
        freeSlots = try [Int32](unpacking: &reader)
        root = try Int32(unpacking: &reader)
        guard root == Self.none || nodes.indices.contains(Int(root)), freeSlots.allSatisfy({ nodes.indices.contains(Int($0)) }) else {
            throw reader.corrupted("a node number out of range")
        }
        random = try SplitMix64(unpacking: &reader)
        first = try Element?(unpacking: &reader)
    }
}
