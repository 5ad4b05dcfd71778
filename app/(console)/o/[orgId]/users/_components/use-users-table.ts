"use client";

import { useDataTable } from "@/components/data-table/use-data-table";
import { USERS_PAGING, usersList } from "@/lib/table/users";

/** The users list's URL state (lib/table/users.ts): filters, sort, size and cursor. */
export const useUsersTable = () => useDataTable(usersList.url, USERS_PAGING);
export type UsersTable = ReturnType<typeof useUsersTable>;
