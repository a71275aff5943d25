import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** What an hnswlib index file says about itself in its fixed-size header. */
export interface HnswFileHeader {
  capacity: number;
  elementCount: number;
  M: number;
  efConstruction: number;
}

// hnswlib's saveIndex writes, little-endian: offsetLevel0, max_elements, cur_element_count,
// size_data_per_element, label_offset, offsetData (size_t each), maxlevel (int), enterpoint_node
// (uint32), maxM, maxM0, M (size_t), mult (double), ef_construction (size_t); then every element's
// level-0 record, then per element a uint32 byte length followed by its upper-level links.
const HEADER_BYTES = 96;
const LABEL_BYTES = 8;

/**
 * Reads the header of an hnswlib file and walks its element records, so a file hnswlib wrote only in
 * part (its writer reports no I/O errors) or one built for another dimension is caught before the
 * native reader, which trusts these numbers, ever sees it. Throws an Error saying what disagrees.
 */
export function checkHnswFile(path: string, dimension: number): HnswFileHeader {
  const fd = openSync(path, 'r');
  try {
    const fileBytes = fstatSync(fd).size;
    const header = readAt(fd, 0, HEADER_BYTES, fileBytes);
    const field = (offset: number) => Number(header.readBigUInt64LE(offset));
    const [offsetLevel0, capacity, elementCount, bytesPerElement, labelOffset, dataOffset] = [0, 8, 16, 24, 32, 40].map(
      field,
    ) as [number, number, number, number, number, number];
    const M = field(72);
    const efConstruction = field(88);
    if (offsetLevel0 !== 0 || labelOffset + LABEL_BYTES !== bytesPerElement)
      throw new Error('unrecognised hnswlib header');
    if (labelOffset - dataOffset !== dimension * Float32Array.BYTES_PER_ELEMENT) {
      throw new Error(`vectors in the file are not ${dimension}-dimensional`);
    }
    if (elementCount > capacity) throw new Error(`header counts ${elementCount} elements in a capacity of ${capacity}`);

    let position = HEADER_BYTES + elementCount * bytesPerElement;
    if (position > fileBytes) throw new Error(`file ends inside its element records (${fileBytes} bytes)`);
    // Link lists are short (most elements live on level 0 only and have none), so read the tail at once.
    const tail = readAt(fd, position, fileBytes - position, fileBytes);
    let cursor = 0;
    for (let element = 0; element < elementCount; element++) {
      if (cursor + 4 > tail.length)
        throw new Error(`file ends inside the links of element ${element} of ${elementCount}`);
      cursor += 4 + tail.readUInt32LE(cursor);
    }
    if (cursor !== tail.length) throw new Error(`file has ${tail.length - cursor} bytes after its last element`);
    return { capacity, elementCount, M, efConstruction };
  } finally {
    closeSync(fd);
  }
}

function readAt(fd: number, position: number, length: number, fileBytes: number): Buffer {
  if (position + length > fileBytes) throw new Error(`file is truncated (${fileBytes} bytes)`);
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const read = readSync(fd, buffer, filled, length - filled, position + filled);
    if (read === 0) throw new Error(`file is truncated (${fileBytes} bytes)`);
    filled += read;
  }
  return buffer;
}
