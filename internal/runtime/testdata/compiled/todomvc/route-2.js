// Route chunk: the view of route "/completed", loaded when first visited.
import { TodoApp, Filter } from "./todoapp.js";

export default () => TodoApp({ filter: Filter.completed });
