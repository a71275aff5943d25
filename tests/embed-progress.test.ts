import { describe, expect, it } from 'vitest';
import { createProgressLine } from '../src/embed/progress.ts';

function capture() {
  let written = '';
  const stream = { write: (text: string) => (written += text) };
  return { stream, output: () => written };
}

describe('model download progress line', () => {
  it('redraws one line in place and ends it when done', () => {
    const { stream, output } = capture();
    const line = createProgressLine(stream, 'embedder: loading m');
    line.update({ status: 'initiate', file: 'config.json' });
    line.update({
      status: 'progress',
      file: 'onnx/model_quantized.onnx',
      progress: 10.4,
      loaded: 12_300_000,
      total: 118_000_000,
    });
    line.update({
      status: 'progress',
      file: 'onnx/model_quantized.onnx',
      progress: 10.9,
      loaded: 12_800_000,
      total: 118_000_000,
    });
    line.update({
      status: 'progress',
      file: 'onnx/model_quantized.onnx',
      progress: 100,
      loaded: 118_000_000,
      total: 118_000_000,
    });
    line.finish();
    const text = output();
    expect(text).toBe(
      '\rembedder: loading m onnx/model_quantized.onnx 10% (12.3/118.0 MB)' +
        '\rembedder: loading m onnx/model_quantized.onnx 100% (118.0/118.0 MB)\n',
    );
  });

  it('pads a shorter line so no characters of the previous one remain', () => {
    const { stream, output } = capture();
    const line = createProgressLine(stream, 'x');
    line.update({ status: 'progress', file: 'tokenizer.json', progress: 50, loaded: 1_000_000, total: 2_000_000 });
    line.update({ status: 'progress', file: 'a', progress: 100, loaded: 10, total: 10 });
    const frames = output().split('\r').filter(Boolean);
    expect(frames[1]!.length).toBe(frames[0]!.length);
    expect(frames[1]!.trimEnd()).toBe('x a 100% (0.0/0.0 MB)');
  });

  it('writes nothing when nothing was downloaded', () => {
    const { stream, output } = capture();
    const line = createProgressLine(stream, 'x');
    line.update({ status: 'ready' });
    line.finish();
    expect(output()).toBe('');
  });
});
