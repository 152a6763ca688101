// Route chunk: the view of route "/active", loaded when first visited.
import { TodoApp, Filter } from "./todoapp.js";

export default () => TodoApp({ filter: Filter.active });
