// Try AI Hub on this file: put the cursor in a function, then right-click → AI Hub → Explain, Refactor, Fix,
// Add Documentation or Write Unit Tests. One of these functions has a bug: can the model find it?

export function fibonacci(n: number): number {
  var a = 0,
    b = 1;
  for (var i = 0; i < n; i++) {
    var t = a + b;
    a = b;
    b = t;
  }
  return a;
}

export function median(values: number[]): number {
  if (values.length === 0) {
    throw new RangeError('median of an empty list');
  }
  const sorted = [...values].sort();
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 0) {
    return (sorted[middle - 1] + sorted[middle]) / 2;
  }
  return sorted[middle];
}

export function countWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const words = text.toLowerCase().split(/[^a-z0-9']+/);
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word !== '') {
      if (counts.has(word)) {
        counts.set(word, counts.get(word)! + 1);
      } else {
        counts.set(word, 1);
      }
    }
  }
  return counts;
}

export function formatDuration(ms: number): string {
  let seconds = Math.floor(ms / 1000);
  let minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  seconds = seconds % 60;
  minutes = minutes % 60;
  let result = '';
  if (hours > 0) {
    result = result + hours + 'h ';
  }
  if (hours > 0 || minutes > 0) {
    result = result + minutes + 'm ';
  }
  result = result + seconds + 's';
  return result;
}
