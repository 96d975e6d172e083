/** The options page. */
export function App() {
  return <h1>Settings</h1>;
}
