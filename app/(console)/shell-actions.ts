// The server actions the console frame (components/shell) calls, handed to it by each route.
import { logoutAction } from "@/app/(auth)/actions";
import type { ShellActions } from "@/components/shell/console-shell";
import { switcherOrgsAction } from "./actions";

export const shellActions: ShellActions = { logout: logoutAction, switcherOrgs: switcherOrgsAction };
