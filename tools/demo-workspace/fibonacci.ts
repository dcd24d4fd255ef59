// Try the AI Hub commands on this file: select a function, right-click → AI Hub → Explain or Refactor.

export function fibonacci(n: number): number {
  var a = 0, b = 1;
  for (var i = 0; i < n; i++) {
    var t = a + b;
    a = b;
    b = t;
  }
  return a;
}

export function isPrime(x) {
  if (x < 2) return false;
  for (let d = 2; d * d <= x; d++) if (x % d == 0) return false;
  return true;
}
