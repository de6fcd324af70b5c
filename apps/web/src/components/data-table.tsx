import {
  Alert,
  Box,
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  LoadingOverlay,
  Menu,
  Pagination,
  Paper,
  Table,
  Text,
  UnstyledButton,
  type TableProps,
  type TextProps,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconColumns } from '@tabler/icons-react';
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowData,
  type SortingState,
  type VisibilityState,
} from '@tanstack/react-table';
import { useState, type MouseEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { readServerError } from '../lib/form-errors';
import type { CursorPager } from '../lib/use-url-filters';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Right-aligned tabular figures (amounts, counts). */
    numeric?: boolean;
    /** Monospace (ID numbers, codes). */
    mono?: boolean;
    /** Fixed width in px. */
    width?: number;
  }
}

export type { ColumnDef };

/** Page numbers with a total: "共 N 条" and page buttons. */
export interface PagePaging {
  mode: 'pages';
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
}

/** Keyset paging: the server's nextCursor; the count may be an estimate ("约 N 条"). */
export interface CursorPaging {
  mode: 'cursor';
  pager: CursorPager;
  nextCursor: string | null | undefined;
  count?: { value: number; isEstimate: boolean } | null;
}

export interface SortingProps {
  /** The server's sort: column id and direction, or null for the server's default order. */
  value: { id: string; desc: boolean } | null;
  onChange: (sort: { id: string; desc: boolean } | null) => void;
}

export interface DataTableProps<T> {
  columns: ColumnDef<T, never>[];
  /** The rows of the page; undefined while the first answer is awaited. */
  rows: T[] | undefined;
  getRowId: (row: T) => string;
  /** The query behind the rows: loading, refetching and errors are shown from it. */
  query?: { isPending?: boolean; isFetching?: boolean; error?: unknown };
  /** What an empty list says ("没有符合条件的人员"). */
  empty: ReactNode;
  paging?: PagePaging | CursorPaging;
  /** Unit of the count in the footer ("人", "个用户"); default 条. */
  unit?: string;
  sorting?: SortingProps;
  /** Lets the user hide columns; the choice is remembered in this browser under this key. */
  columnChooserKey?: string;
  /** Clicking a row opens this address (links and buttons inside the row keep their own action). */
  rowHref?: (row: T) => string;
  /** Dims a row (inactive records). */
  isRowDimmed?: (row: T) => boolean;
  /** Highlights a row (the one shown in detail below the table). */
  isRowSelected?: (row: T) => boolean;
  /** `data-*` attributes of a row (`data-testid`, `data-unit`), for tests and styles. */
  rowAttributes?: (row: T) => Record<`data-${string}`, string>;
  /** Table minimum width: wider tables scroll sideways. */
  minWidth?: number;
  /** Wraps the table in a bordered Paper (default true). */
  withPaper?: boolean;
  tableProps?: TableProps;
  /** Rows after the data rows (totals). */
  footerRows?: ReactNode;
  /** Replaces the default header row (grouped headings). */
  headerRows?: ReactNode;
}

const STORAGE_PREFIX = 'portal.columns.';

function loadVisibility(key: string | undefined): VisibilityState {
  if (!key) return {};
  try {
    return JSON.parse(window.localStorage.getItem(STORAGE_PREFIX + key) ?? '{}') as VisibilityState;
  } catch {
    return {};
  }
}

function headerText<T>(column: ColumnDef<T, never>): string {
  return typeof column.header === 'string' ? column.header : (column.id ?? '');
}

/** What an empty list or panel says, in one style. */
export function EmptyState({ children, py = 'md' }: { children: ReactNode; py?: TextProps['py'] }) {
  return (
    <Text c="dimmed" ta="center" size="sm" py={py}>
      {children}
    </Text>
  );
}

/**
 * The one table: TanStack Table columns rendered with Mantine, server-side paging (page numbers
 * or cursor) and sorting, empty / loading / error states, an optional column chooser and row links.
 */
export function DataTable<T>({
  columns,
  rows,
  getRowId,
  query,
  empty,
  paging,
  unit = '条',
  sorting,
  columnChooserKey,
  rowHref,
  isRowDimmed,
  isRowSelected,
  rowAttributes,
  minWidth,
  withPaper = true,
  tableProps,
  footerRows,
  headerRows,
}: DataTableProps<T>) {
  const navigate = useNavigate();
  const [visibility, setVisibility] = useState<VisibilityState>(() => loadVisibility(columnChooserKey));
  const sortingState: SortingState = sorting?.value ? [sorting.value] : [];
  const table = useReactTable<T>({
    data: rows ?? [],
    columns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    enableSortingRemoval: true,
    enableMultiSort: false,
    state: { columnVisibility: visibility, sorting: sortingState },
    onColumnVisibilityChange: (updater) => {
      setVisibility((current) => {
        const next = typeof updater === 'function' ? updater(current) : updater;
        if (columnChooserKey) window.localStorage.setItem(STORAGE_PREFIX + columnChooserKey, JSON.stringify(next));
        return next;
      });
    },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sortingState) : updater;
      sorting?.onChange(next[0] ? { id: next[0].id, desc: next[0].desc } : null);
    },
  });
  const visibleCount = table.getVisibleLeafColumns().length;
  const isLoading = rows === undefined && !query?.error;

  const openRow = (event: MouseEvent<HTMLTableRowElement>, row: T) => {
    if (!rowHref) return;
    if ((event.target as HTMLElement).closest('a, button, input, label, [role="button"], [role="checkbox"]')) return;
    const href = rowHref(row);
    if (event.ctrlKey || event.metaKey) window.open(href, '_blank', 'noopener');
    else void navigate(href);
  };

  const body = query?.error ? (
    <Alert color="red" title="无法加载" role="alert" m="sm">
      {readServerError(query.error).message}
    </Alert>
  ) : (
    <Box pos="relative">
      <LoadingOverlay
        visible={!isLoading && !!query?.isFetching && !query.isPending}
        overlayProps={{ backgroundOpacity: 0.4 }}
        loaderProps={{ size: 'sm' }}
        zIndex={5}
      />
      <Table.ScrollContainer minWidth={minWidth ?? 0} type="native">
        <Table striped highlightOnHover={!!rowHref || undefined} verticalSpacing="xs" {...tableProps}>
          <Table.Thead>
            {headerRows ??
              table.getHeaderGroups().map((group) => (
                <Table.Tr key={group.id}>
                  {group.headers.map((header) => {
                    const meta = header.column.columnDef.meta;
                    const canSort = !!sorting && header.column.getCanSort();
                    const dir = header.column.getIsSorted();
                    const label = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
                    return (
                      <Table.Th
                        key={header.id}
                        colSpan={header.colSpan}
                        w={meta?.width}
                        className={meta?.numeric ? 'num' : undefined}
                        ta={meta?.numeric ? 'right' : undefined}
                        aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                      >
                        {canSort ? (
                          <UnstyledButton onClick={header.column.getToggleSortingHandler()} fw={700} fz="sm">
                            <Group gap={4} wrap="nowrap" component="span">
                              {label}
                              {dir === 'asc' ? (
                                <IconArrowUp size={14} />
                              ) : dir === 'desc' ? (
                                <IconArrowDown size={14} />
                              ) : (
                                <IconArrowsSort size={14} opacity={0.4} />
                              )}
                            </Group>
                          </UnstyledButton>
                        ) : (
                          label
                        )}
                      </Table.Th>
                    );
                  })}
                </Table.Tr>
              ))}
          </Table.Thead>
          {!isLoading && (
            <Table.Tbody>
              {table.getRowModel().rows.length === 0 ? (
                <Table.Tr style={{ backgroundColor: 'transparent' }}>
                  <Table.Td colSpan={visibleCount}>
                    <EmptyState>{empty}</EmptyState>
                  </Table.Td>
                </Table.Tr>
              ) : (
                table.getRowModel().rows.map((row) => (
                  <Table.Tr
                    key={row.id}
                    {...rowAttributes?.(row.original)}
                    c={isRowDimmed?.(row.original) ? 'dimmed' : undefined}
                    bg={isRowSelected?.(row.original) ? 'var(--mantine-color-blue-0)' : undefined}
                    onClick={rowHref ? (e) => openRow(e, row.original) : undefined}
                    style={rowHref ? { cursor: 'pointer' } : undefined}
                  >
                    {row.getVisibleCells().map((cell) => {
                      const meta = cell.column.columnDef.meta;
                      return (
                        <Table.Td
                          key={cell.id}
                          className={meta?.numeric ? 'num' : undefined}
                          ta={meta?.numeric ? 'right' : undefined}
                          ff={meta?.mono ? 'monospace' : undefined}
                        >
                          {flexRender(cell.column.columnDef.cell, cell.getContext())}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))
              )}
              {footerRows}
            </Table.Tbody>
          )}
        </Table>
      </Table.ScrollContainer>
      {isLoading && (
        <Center py="xl" aria-label="正在加载">
          <Loader size="sm" />
        </Center>
      )}
    </Box>
  );

  const chooser = columnChooserKey ? (
    <Menu position="bottom-end" closeOnItemClick={false} withinPortal>
      <Menu.Target>
        <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconColumns size={14} />}>
          显示列
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {table
          .getAllLeafColumns()
          .filter((c) => c.getCanHide())
          .map((c) => (
            <Menu.Item key={c.id} component="div">
              <Checkbox
                size="xs"
                label={headerText(c.columnDef as ColumnDef<T, never>)}
                checked={c.getIsVisible()}
                onChange={c.getToggleVisibilityHandler()}
              />
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  ) : null;

  const footer = paging ? (
    <PagingFooter paging={paging} unit={unit} extra={chooser} />
  ) : chooser ? (
    <Group justify="flex-end" p={4}>
      {chooser}
    </Group>
  ) : null;
  const content = (
    <>
      {body}
      {footer}
    </>
  );
  return withPaper ? <Paper withBorder>{content}</Paper> : content;
}

function PagingFooter({ paging, unit, extra }: { paging: PagePaging | CursorPaging; unit: string; extra: ReactNode }) {
  if (paging.mode === 'pages')
    return (
      <PagedFooter
        total={paging.total}
        page={paging.page}
        pageSize={paging.pageSize}
        onChange={paging.onPageChange}
        unit={unit}
        extra={extra}
      />
    );
  const { pager, nextCursor, count } = paging;
  return (
    <Group justify="space-between" p="sm">
      <Group gap="sm">
        <Text size="sm" c="dimmed">
          {count ? `${count.isEstimate ? '约' : '共'} ${count.value.toLocaleString('zh-CN')} ${unit}` : ''}
        </Text>
        {extra}
      </Group>
      <Group gap="xs">
        {pager.hasPrevious && (
          <Button size="compact-sm" variant="subtle" onClick={pager.goFirst}>
            第一页
          </Button>
        )}
        <Button size="compact-sm" variant="default" disabled={!pager.hasPrevious} onClick={pager.goPrevious}>
          上一页
        </Button>
        <Button size="compact-sm" variant="default" disabled={!nextCursor} onClick={() => nextCursor && pager.goNext(nextCursor)}>
          下一页
        </Button>
      </Group>
    </Group>
  );
}

/** The "共 N 条" count and page buttons under a page-numbered table (DataTable uses it; so may a hand-made table until it moves). */
export function PagedFooter({
  total,
  page,
  pageSize,
  onChange,
  unit = '条',
  extra,
}: {
  total: number;
  page: number;
  pageSize: number;
  onChange: (page: number) => void;
  unit?: string;
  extra?: ReactNode;
}) {
  return (
    <Group justify="space-between" p="sm">
      <Group gap="sm">
        <Text size="sm" c="dimmed">
          共 {total.toLocaleString('zh-CN')} {unit}
        </Text>
        {extra}
      </Group>
      <Pagination total={Math.max(1, Math.ceil(total / pageSize))} value={page} onChange={onChange} size="sm" />
    </Group>
  );
}
