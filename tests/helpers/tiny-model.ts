// A real transformers.js model small enough to write in a test: the embedding path runs
// offline through the same pipeline('feature-extraction') code as a hub model.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import onnxProto from 'onnx-proto';
import { tempFolder } from './app.ts';

const { onnx } = onnxProto;

const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'] as const;
// Folded Vietnamese syllables (the tokenizer strips accents and lower-cases), plus the E5
// prefixes so a prefixed text tokenizes differently from a bare one.
const WORDS = [
  'query',
  'passage',
  ':',
  'nong',
  'nghiep',
  'kinh',
  'te',
  'xa',
  'hoi',
  'ngan',
  'sach',
  'giao',
  'duc',
  'y',
  'khieu',
  'nai',
  'to',
  'cao',
  'dat',
  'dai',
  'thang',
  'nam',
  'nghi',
  'uy',
  'ban',
  'nhan',
  'dan',
  'thi',
  'phuong',
  'cong',
  'trinh',
  'du',
  'an',
  '##s',
];

export interface TinyModel {
  /** The model folder (pass as EMBEDDING_MODEL_PATH). */
  modelPath: string;
  /** The model folder's name (the model id transformers.js resolves under its parent folder). */
  name: string;
  hiddenSize: number;
  vocab: string[];
}

export interface TinyModelOptions {
  /** Folder name; include "e5" to make the embedder apply E5 prefixes. */
  name?: string;
  hiddenSize?: number;
}

/** Writes config, WordPiece tokenizer and a Gather-only ONNX encoder into a fresh `tempFolder` (removed like one). */
export async function writeTinyModel(options: TinyModelOptions = {}): Promise<TinyModel> {
  const name = options.name ?? 'tiny-bert';
  const hiddenSize = options.hiddenSize ?? 8;
  const vocab = [...SPECIAL_TOKENS, ...WORDS];
  const modelPath = path.join(tempFolder('council-qa-tiny-model-'), name);
  await mkdir(path.join(modelPath, 'onnx'), { recursive: true });

  const config = { model_type: 'bert', hidden_size: hiddenSize, vocab_size: vocab.length };
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    do_lower_case: true,
    // Without it transformers.js computes the padding length as NaN.
    model_max_length: 128,
  };
  await writeFile(path.join(modelPath, 'config.json'), JSON.stringify(config));
  await writeFile(path.join(modelPath, 'tokenizer_config.json'), JSON.stringify(tokenizerConfig));
  await writeFile(path.join(modelPath, 'tokenizer.json'), JSON.stringify(tokenizerJson(vocab)));
  await writeFile(path.join(modelPath, 'onnx', 'model_quantized.onnx'), onnxModel(vocab.length, hiddenSize));
  return { modelPath, name, hiddenSize, vocab };
}

function tokenizerJson(vocab: string[]): object {
  const ids = Object.fromEntries(vocab.map((token, id) => [token, id]));
  const special = (token: string) => ({ id: token, ids: [ids[token]], tokens: [token] });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({
      id: ids[content],
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: true,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: { '[CLS]': special('[CLS]'), '[SEP]': special('[SEP]') },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: ids,
    },
  };
}

/** last_hidden_state = Gather(table, input_ids) * Unsqueeze(Cast(attention_mask), -1). */
function onnxModel(vocabSize: number, hiddenSize: number): Uint8Array {
  const { TensorProto, AttributeProto } = onnx;
  const int64Input = (name: string) => ({
    name,
    type: {
      tensorType: {
        elemType: TensorProto.DataType.INT64,
        shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }] },
      },
    },
  });
  const graph = {
    name: 'tiny-encoder',
    input: [int64Input('input_ids'), int64Input('attention_mask'), int64Input('token_type_ids')],
    output: [
      {
        name: 'last_hidden_state',
        type: {
          tensorType: {
            elemType: TensorProto.DataType.FLOAT,
            shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }, { dimValue: hiddenSize }] },
          },
        },
      },
    ],
    initializer: [
      {
        name: 'embedding_table',
        dataType: TensorProto.DataType.FLOAT,
        dims: [vocabSize, hiddenSize],
        floatData: embeddingTable(vocabSize, hiddenSize),
      },
      { name: 'last_axis', dataType: TensorProto.DataType.INT64, dims: [1], int64Data: [-1] },
    ],
    node: [
      { opType: 'Gather', input: ['embedding_table', 'input_ids'], output: ['token_vectors'] },
      {
        opType: 'Cast',
        input: ['attention_mask'],
        output: ['mask_float'],
        attribute: [{ name: 'to', type: AttributeProto.AttributeType.INT, i: TensorProto.DataType.FLOAT }],
      },
      { opType: 'Unsqueeze', input: ['mask_float', 'last_axis'], output: ['mask_column'] },
      { opType: 'Mul', input: ['token_vectors', 'mask_column'], output: ['last_hidden_state'] },
    ],
  };
  const model = onnx.ModelProto.create({
    irVersion: 7,
    producerName: 'council-qa-tests',
    opsetImport: [{ domain: '', version: 13 }],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

/** Distinct, fixed vectors per token (a small linear congruential sequence, no randomness). */
function embeddingTable(vocabSize: number, hiddenSize: number): number[] {
  const values: number[] = [];
  let state = 12345;
  for (let i = 0; i < vocabSize * hiddenSize; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    values.push((state / 0xffffffff) * 2 - 1);
  }
  return values;
}
