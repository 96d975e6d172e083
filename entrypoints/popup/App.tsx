/** The toolbar popup. */
export function App() {
  return <h1>Token Tool for Instagram</h1>;
}
